import { afterEach, describe, expect, it, vi } from 'vitest';
import { recoverStrayAnswersWith, request } from '@/api/client';
import { isStrayAnswer } from '@/mocks/worker-readiness';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const fromStaticServer = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

afterEach(() => {
  recoverStrayAnswersWith(async () => false);
  vi.unstubAllGlobals();
});

describe('an answer the mock did not give', () => {
  it('is a failure without JSON; the mock answers even its errors with JSON', () => {
    expect(isStrayAnswer(fromStaticServer())).toBe(true);
    expect(isStrayAnswer(json({ error: { code: 'NOT_FOUND' } }, 404))).toBe(false);
    expect(isStrayAnswer(new Response(null, { status: 204 }))).toBe(false);
  });

  it('makes the tab re-attach to the mock, then sends the request once more', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(fromStaticServer())
      .mockResolvedValueOnce(json({ state: 'anonymous' }));
    vi.stubGlobal('fetch', fetchMock);
    const recover = vi.fn(async (response: Response) => isStrayAnswer(response));
    recoverStrayAnswersWith(recover);

    await expect(request('/api/v1/session')).resolves.toEqual({ state: 'anonymous' });
    expect(recover).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
