import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { ticketDetailSchema } from '@/api/schemas/tickets';
import { activeAgent } from '../support/agent-api';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { ticketApiSteps } from '../support/ticket-api';
import { BUG_REPORT } from '../support/tickets';

const api = setupMockApi();
const { fileBugReport } = ticketApiSteps(api);

/** Controls, a right-to-left override and a zero-width space around visible text. */
const SPOOFED = 'ctl\u0000\u0007\u202Eevil\u200Bx';
/** Every bidirectional mark, override and isolate, and the C1 controls' ends. */
const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u0080\u009F';

describe('free text loses control and format characters (GUARD-6)', () => {
  it('stores a title and description without them, and keeps Chinese, newlines and tabs', async () => {
    const alice = await api.signedIn('alice@example.com');
    const spoofed = await fileBugReport(alice, {
      title: SPOOFED,
      description: `line one\r\n\tindented${BIDI} and\u2028 on`,
    });
    const chinese = await fileBugReport(alice, {
      title: '无法绑定 MFA：手机丢失了',
      description: '请帮忙解绑。\n谢谢！',
    });

    const seen = ticketDetailSchema.parse((await alice.get(paths.ticket.href(spoofed.id))).body);
    const plain = ticketDetailSchema.parse((await alice.get(paths.ticket.href(chinese.id))).body);

    expect(seen.title).toBe('ctlevilx');
    expect(seen.entries[0]).toMatchObject({ body: 'line one\n\tindented and\n on' });
    expect(plain.title).toBe('无法绑定 MFA：手机丢失了');
    expect(plain.entries[0]).toMatchObject({ body: '请帮忙解绑。\n谢谢！' });
  });

  it('refuses a title of nothing but invisible characters as empty', async () => {
    const alice = await api.signedIn('alice@example.com');

    const refused = await alice.post(paths.tickets.href, {
      ...BUG_REPORT,
      title: `\u200B${BIDI}\u0000`,
    });

    expect(expectError(refused, 'VALIDATION_FAILED').fieldErrors).toEqual({ title: 'too_small' });
  });

  it("cleans both sides' replies and the rating's comment", async () => {
    const alice = await api.signedIn('alice@example.com');
    const ticket = await fileBugReport(alice);
    const support = await activeAgent(api);
    const reply = { body: `agent ${SPOOFED}`, attachmentIds: [] };
    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
    expectOk(await support.post(paths.supportTicketReplies.href(ticket.id), reply));
    expectOk(
      await alice.post(paths.ticketReplies.href(ticket.id), {
        body: `requester ${SPOOFED}`,
        attachmentIds: [],
      }),
    );
    expectOk(await support.post(paths.supportTicketReplies.href(ticket.id), reply));
    expectOk(await alice.post(paths.ticketClose.href(ticket.id)));
    expectOk(await alice.post(paths.ticketRating.href(ticket.id), { score: 5, comment: SPOOFED }));

    const seen = ticketDetailSchema.parse((await alice.get(paths.ticket.href(ticket.id))).body);

    expect(seen.entries.flatMap((entry) => (entry.kind === 'message' ? [entry.body] : []))).toEqual(
      [BUG_REPORT.description, 'agent ctlevilx', 'requester ctlevilx', 'agent ctlevilx'],
    );
    expect(seen.rating?.comment).toBe('ctlevilx');
  });
});
