import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { ticketExportSchema, ticketPageSchema } from '@/api/schemas/tickets';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { activeAgent } from '../support/agent-api';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { totpAt } from '../support/mfa';
import { created, PNG_BYTES, ticketApiSteps, unbindRequest } from '../support/ticket-api';
import { uploadFile } from '../support/tickets';

const api = setupMockApi();
const { boundAlice, ticketCode, fileBugReport } = ticketApiSteps(api);

/** Bob files an Unbind MFA ticket from the console with an ID card attached. */
async function bobsUnbindTicket() {
  const bob = await api.signedIn('bob@example.com');
  expectOk(await bob.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }));
  const upload = await uploadFile(bob, 'id-card.png', PNG_BYTES);
  const attachmentId = (upload.body as { id: string }).id;
  const ticket = await created(
    await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob), [attachmentId])),
  );
  return { bob, ticket, attachmentId };
}

describe('Unbind MFA tickets are private (TICKET-10)', () => {
  it("answers a colleague's requests for it 404, as if it did not exist", async () => {
    const { ticket, attachmentId } = await bobsUnbindTicket();
    const alice = await boundAlice();

    expectError(await alice.get(paths.ticket.href(ticket.id)), 'NOT_FOUND');
    expectError(await alice.get(paths.ticketAttachment.href(attachmentId)), 'NOT_FOUND');
    expectError(await alice.post(paths.ticketCancel.href(ticket.id)), 'NOT_FOUND');
  });

  it("leaves it out of a colleague's All Tickets, search and export", async () => {
    const { ticket } = await bobsUnbindTicket();
    const alice = await boundAlice();
    const visible = await fileBugReport(alice, { title: 'Charts are empty' });

    const list = ticketPageSchema.parse(
      (await alice.get(paths.workspaceTickets.href('ws_demo'))).body,
    );
    expect(list.tickets.map((entry) => entry.id)).toEqual([visible.id]);
    expect(list.total).toBe(1);
    const searched = ticketPageSchema.parse(
      (await alice.get(`${paths.workspaceTickets.href('ws_demo')}?q=${ticket.number}`)).body,
    );
    expect(searched.total).toBe(0);
    const exported = ticketExportSchema.parse(
      (await alice.get(paths.workspaceTicketsExport.href('ws_demo'))).body,
    );
    expect(exported.tickets.map((entry) => entry.id)).toEqual([visible.id]);
  });

  it("keeps it in the requester's lists, and opens it with its attachment for them", async () => {
    const { bob, ticket, attachmentId } = await bobsUnbindTicket();

    expectOk(await bob.get(paths.ticket.href(ticket.id)));
    expectOk(await bob.get(paths.ticketAttachment.href(attachmentId)));
    const all = ticketPageSchema.parse(
      (await bob.get(paths.workspaceTickets.href('ws_demo'))).body,
    );
    expect(all.tickets.map((entry) => entry.id)).toContain(ticket.id);
    const mine = ticketPageSchema.parse((await bob.get(paths.tickets.href)).body);
    expect(mine.tickets.map((entry) => entry.id)).toContain(ticket.id);
  });

  it('shows it to customer service', async () => {
    const { ticket } = await bobsUnbindTicket();
    const support = await activeAgent(api);
    expectOk(await support.get(paths.supportTicket.href(ticket.id)));
  });
});
