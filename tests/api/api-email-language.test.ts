import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { mailboxSchema } from '@/api/schemas/dev';
import { DEMO_PASSWORD } from '@/backend/seed';
import { activeAgent, unbindAsAgent } from '../support/agent-api';
import { type ApiClient, expectOk, setupMockApi } from '../support/api-client';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';

/**
 * Issue 23: emails go out in the language of the request, or, when someone
 * else's action sends them, in the recipient's last known language. With
 * API_HOST=server the same cases run over HTTP against the Node host.
 */
const api = setupMockApi();
const { activeCarol, fileBugReport, pendingBob } = ticketApiSteps(api);

async function newestMailTo(email: string) {
  const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox.href)).body);
  const newest = messages.find((message) => message.to === email);
  if (!newest) throw new Error(`no email to ${email}`);
  return newest;
}

function speaking<T extends ApiClient>(client: T, language: string): T {
  client.language = language;
  return client;
}

describe('emails in the language the request asked for', () => {
  it.each([
    {
      language: 'zh-CN',
      subject: '重置密码的验证码',
      body: /^您的验证码是 \d{6}。请输入此验证码，为您的账号设置新密码。验证码 10 分钟内有效/,
    },
    {
      language: 'en',
      subject: 'Your verification code for resetting your password',
      body: /^Your verification code is \d{6}\. Enter it to set a new password for your account\. It is valid for 10 minutes/,
    },
  ])('a password reset code asked for in $language', async ({ language, subject, body }) => {
    const visitor = speaking(api.client(), language);

    expectOk(await visitor.post(paths.passwordResetEmailCode.href, { email: 'alice@example.com' }));

    const mail = await newestMailTo('alice@example.com');
    expect(mail.subject).toBe(subject);
    expect(mail.body).toMatch(body);
  });

  it.each([
    { language: 'zh-CN', subject: '您的密码已修改', body: /^您账号的密码于 .+ UTC 修改/ },
    { language: 'en', subject: 'Your password was changed', body: /^The password of your account/ },
  ])('the security notice of a password change made in $language', async (expected) => {
    const alice = speaking(await api.signedIn('alice@example.com'), expected.language);

    expectOk(
      await alice.post(paths.accountPassword.href, {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'Observability-2027',
      }),
      204,
    );

    const mail = await newestMailTo('alice@example.com');
    expect(mail.subject).toBe(expected.subject);
    expect(mail.body).toMatch(expected.body);
  });

  it('takes the first language of a browser-style header, and English for one it does not have', async () => {
    const chinese = speaking(api.client(), 'zh-TW,zh;q=0.9,en;q=0.8');
    const french = speaking(api.client(), 'fr-FR,fr;q=0.9');

    await chinese.post(paths.passwordResetEmailCode.href, { email: 'alice@example.com' });
    const first = await newestMailTo('alice@example.com');
    await french.post(paths.passwordResetEmailCode.href, { email: 'bob@example.com' });
    const second = await newestMailTo('bob@example.com');

    expect(first.subject).toBe('重置密码的验证码');
    expect(second.subject).toBe('Your verification code for resetting your password');
  });
});

describe("emails someone else's action sends", () => {
  it("reach a member in the member's language, not the agent's", async () => {
    const carol = speaking(await activeCarol(), 'zh-CN');
    const ticket = await fileBugReport(carol, { title: '无法登录' });
    const support = speaking(await activeAgent(api), 'en');

    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
    expectOk(
      await support.post(paths.supportTicketReplies.href(ticket.id), {
        body: 'Please try again now.',
        attachmentIds: [],
      }),
    );

    const mail = await newestMailTo('carol@example.com');
    expect(mail.subject).toBe(`[${ticket.number}] 客服回复了您的工单`);
    expect(mail.body).toBe(
      'Please try again now.\n\n请在工单管理中回复。如无回复，工单将在 7 天后自动关闭。\n\n' +
        `工单 ${ticket.number}：无法登录`,
    );
  });

  it('tell a member in their language that customer service unbound their MFA, naming the agent', async () => {
    const bob = speaking(await pendingBob(), 'zh-CN');
    expectOk(await bob.post(paths.ticketEmailCode.href));
    const codeMail = await newestMailTo('bob@example.com');
    const code = /\b(\d{6})\b/.exec(codeMail.body)?.[1];
    const ticket = await created(await bob.post(paths.tickets.href, unbindRequest(code)));
    const support = speaking(await activeAgent(api), 'en');

    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
    expectOk(await unbindAsAgent(api, support, ticket.id));

    const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox.href)).body);
    const unbound = messages.find((message) => message.subject === '您的账号已解绑 MFA');
    expect(codeMail.subject).toBe('提交“解绑 MFA”工单的验证码');
    expect(unbound?.to).toBe('bob@example.com');
    expect(unbound?.body).toMatch(
      /^应您的工单请求，客服（.+）于 \d{4}-\d\d-\d\d \d\d:\d\d UTC 为您的账号/,
    );
  });

  it('fall back to the language the account last used, and to English for one never heard from', async () => {
    const alice = speaking(await api.signedIn('alice@example.com'), 'zh-CN');
    expectOk(await alice.get(paths.account.href));

    // No Accept-Language: a request that names no language it has.
    await api.client().post(paths.passwordResetEmailCode.href, { email: 'alice@example.com' });
    await api.client().post(paths.passwordResetEmailCode.href, { email: 'bob@example.com' });

    expect((await newestMailTo('alice@example.com')).subject).toBe('重置密码的验证码');
    expect((await newestMailTo('bob@example.com')).subject).toBe(
      'Your verification code for resetting your password',
    );
  });
});
