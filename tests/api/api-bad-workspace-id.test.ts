import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '@/api/error-codes';
import { SECOND_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { errorBodySchema } from '@/api/schemas/common';
import { type ApiClient, type ApiResponse, setupMockApi } from '../support/api-client';
import { expectNoEcho, MARKUP, submittedStrings, TEN_KB } from '../support/bad-input';
import { comparableState } from '../support/state-snapshot';

/**
 * MOCK-1: a workspace id in the path that names nothing, however it is
 * spelled, is 404 or 400, never a crash; it changes nothing and is not echoed.
 */
const api = setupMockApi();

const BAD_WORKSPACE_IDS: ReadonlyArray<readonly [label: string, id: string]> = [
  ['markup', MARKUP],
  ['300 characters', 'w'.repeat(300)],
  ['300 characters of markup', MARKUP.repeat(11).slice(0, 300)],
  ['10 kB', 'w'.repeat(TEN_KB)],
  ['a NUL', 'ws_demo\u0000'],
  ['CR LF', 'ws_demo\r\n'],
  ['Arabic-Indic digits', '١٢٣٤٥٦'],
  ['an encoded slash', 'ws_demo/../ws_secure'],
  ['a quote', "ws_demo' OR '1'='1"],
  ['a percent sign', '%'],
];

const WORKSPACE_ROUTES: ReadonlyArray<
  readonly [label: string, call: (client: ApiClient, id: string) => Promise<ApiResponse>]
> = [
  ['GET /api/v1/workspaces/:workspaceId', (client, id) => client.get(paths.workspace.href(id))],
  [
    'GET /api/v1/workspaces/:workspaceId/members',
    (client, id) => client.get(paths.workspaceMembers.href(id)),
  ],
  [
    'GET /api/v1/workspaces/:workspaceId/security',
    (client, id) => client.get(paths.workspaceSecurity.href(id)),
  ],
  [
    'PUT /api/v1/workspaces/:workspaceId/security',
    (client, id) => client.put(paths.workspaceSecurity.href(id), { mfaRequired: false }),
  ],
];

describe.each(WORKSPACE_ROUTES)('%s with a bad workspace id (MOCK-1)', (_label, call) => {
  it.each(BAD_WORKSPACE_IDS)(
    'answers 404 NOT_FOUND or 400, never 500, for %s, and changes nothing',
    async (_idLabel, id) => {
      const owner = await api.signedIn('owner@example.com');
      api.time.advance(SECOND_MS);
      const before = await comparableState(api.server);

      const response = await call(owner, id);

      const parsed = errorBodySchema.safeParse(response.body);
      expect(parsed.success, response.text).toBe(true);
      const code = parsed.data?.error.code;
      expect(['NOT_FOUND', 'VALIDATION_FAILED'], response.text).toContain(code);
      expect(response.status).toBe(ERROR_STATUS[code as 'NOT_FOUND' | 'VALIDATION_FAILED']);
      expectNoEcho(response, submittedStrings(id));
      expect(await comparableState(api.server)).toBe(before);
    },
  );
});
