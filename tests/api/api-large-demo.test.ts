import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { largeDemoProgressSchema } from '@/api/schemas/dev';
import { ticketPageSchema } from '@/api/schemas/tickets';
import { activeAgent } from '../support/agent-api';
import { expectError, setupMockApi } from '../support/api-client';

const api = setupMockApi();

const load = (body: unknown) => api.client().post(paths.devLargeDemo.href, body);

describe('Load a large demo (MOCK-8, issue 15)', () => {
  it('adds 1,000 tickets a batch across the workspaces, and 500 members with batch 0', async () => {
    const first = await load({ batch: 0 });
    expect(first.status).toBe(200);
    expect(largeDemoProgressSchema.parse(first.body)).toEqual({
      batch: 0,
      batches: 10,
      tickets: 1_000,
      members: 500,
    });
    expect(largeDemoProgressSchema.parse((await load({ batch: 1 })).body).tickets).toBe(2_000);

    // A member signs in with the demo password and sees the workspace's share.
    const member = await api.signedIn('member0001@large.example.com');
    const demo = ticketPageSchema.parse(
      (await member.get(`${paths.workspaceTickets.href('ws_demo')}?page=1`)).body,
    );
    expect(demo.total).toBe(1_000);
    expect(demo.tickets[0]?.number).toBe('TK101999');
    const agent = await activeAgent(api);
    const queue = ticketPageSchema.parse((await agent.get(paths.supportTickets.href)).body);
    expect(queue.total).toBe(2_000);
  });

  it('puts every ticket in one workspace when asked, and Reset brings back the seed', async () => {
    await load({ batch: 0, workspaceId: 'ws_demo' });
    const owner = await api.signedIn('owner@example.com');
    const all = ticketPageSchema.parse(
      (await owner.get(paths.workspaceTickets.href('ws_demo'))).body,
    );
    expect(all.total).toBe(1_000);

    expect((await api.client().post(paths.devReset.href)).status).toBe(204);
    const again = await api.signedIn('owner@example.com');
    const none = ticketPageSchema.parse(
      (await again.get(paths.workspaceTickets.href('ws_demo'))).body,
    );
    expect(none.total).toBe(0);
    expect((await api.client().logIn('member0001@large.example.com')).status).toBe(401);
  });

  it.each([
    [{}, { batch: 'required' }],
    [{ batch: 10 }, { batch: 'too_big' }],
    [{ batch: -1 }, { batch: 'too_small' }],
    [{ batch: 1.5 }, { batch: 'invalid_type' }],
    [{ batch: 0, extra: true }, { extra: 'unrecognized_key' }],
  ])('refuses %j and adds nothing', async (body, fields) => {
    const response = await load(body);
    const error = expectError(response, 'VALIDATION_FAILED');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(Object.keys(fields));
    const agent = await activeAgent(api);
    expect(ticketPageSchema.parse((await agent.get(paths.supportTickets.href)).body).total).toBe(0);
  });

  it('answers 404 for a workspace that does not exist, and adds nothing', async () => {
    expectError(await load({ batch: 0, workspaceId: 'ws_nowhere' }), 'NOT_FOUND');
    expect((await api.client().logIn('member0001@large.example.com')).status).toBe(401);
  });
});
