import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import type { AuditEventName } from '@/api/schemas/mfa';
import type { AuditRecord } from '@/backend/domain/state';
import { chooseLanguage } from '@/lib/i18n/i18n';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

/** Writes events into alice's log, oldest first, a minute apart, before the app reads it. */
async function seedLog(entries: Partial<AuditRecord>[]): Promise<void> {
  await mockApi().server.run((state, ctx) => {
    entries.forEach((entry, index) => {
      state.audit.push({
        id: `evt_seed_${index}`,
        accountId: 'acc_alice',
        event: 'mfa.bound',
        at: ctx.now - (entries.length - index) * MINUTE_MS,
        device: { browser: 'Firefox 133', os: 'macOS' },
        detail: {},
        ...entry,
      });
    });
  });
}

async function logCard() {
  const card = (await screen.findByRole('heading', { name: /^(Security log|安全日志)$/ })).closest(
    'section',
  );
  if (!card) throw new Error('no Security log card');
  return within(card);
}

/** The sentences of the log, newest first, once the list shows `first`. */
async function sentences(first: string): Promise<string[]> {
  const card = await logCard();
  await card.findByText(first);
  return card
    .getAllByRole('listitem')
    .map((item) => item.firstChild?.firstChild?.textContent ?? '');
}

describe('the security log (LOG-1)', () => {
  it('pages the events, newest first, with the browser of each', async () => {
    await seedLog(
      Array.from({ length: 12 }, (_, index) => ({
        event: 'mfa.code_failed' as AuditEventName,
        detail: { use: 'login', attempt: index + 1 },
      })),
    );
    await signIn('alice@example.com');
    const { user } = renderApp('/account');

    const firstPage = await sentences('Signed in with password only');
    expect(firstPage).toHaveLength(10);
    const card = await logCard();
    expect(card.getByText('1–10 of 13')).toBeInTheDocument();
    expect(card.getAllByText('Firefox 133 on macOS')).toHaveLength(9);

    await user.click(card.getByRole('button', { name: /Next/ }));

    expect(await card.findByText('11–13 of 13')).toBeInTheDocument();
    expect(card.getAllByRole('listitem')).toHaveLength(3);
    expect(card.getByRole('button', { name: /Next/ })).toBeDisabled();
  });

  it('filters by kind, and says when a kind has nothing', async () => {
    await seedLog([
      { event: 'mfa.bound' },
      { event: 'ticket.unbind_requested', detail: { ticket: 'TK100001' } },
    ]);
    await signIn('alice@example.com');
    const { user } = renderApp('/account');
    await sentences('Signed in with password only');
    const card = await logCard();

    await user.selectOptions(card.getByLabelText('Show'), 'Tickets');
    expect(await sentences('Unbind MFA ticket submitted')).toEqual(['Unbind MFA ticket submitted']);

    await user.selectOptions(card.getByLabelText('Show'), 'Workspace policy');
    expect(await card.findByText('No events of this kind.')).toBeInTheDocument();
  });

  it('names the agent of an unbind, and shows an event it does not know with a generic line', async () => {
    await seedLog([
      { event: 'mfa.unbound', detail: { by: 'support', agent: 'Sam Support' } },
      { event: 'session.somewhere_new' as AuditEventName, device: null },
    ]);
    await signIn('alice@example.com');
    renderApp('/account');

    expect(await sentences('Signed in with password only')).toEqual([
      'Signed in with password only',
      'Security event (session.somewhere_new)',
      'MFA unbound by customer service (Sam Support)',
    ]);
  });

  it('speaks Chinese, the browser line too', async () => {
    await chooseLanguage('zh-CN');
    await seedLog([
      { event: 'workspace.mfa_required_on', detail: { workspace: 'Demo Workspace' } },
      { event: 'mfa.locked', device: { browser: 'Unknown', os: 'Unknown' } },
    ]);
    await signIn('alice@example.com');
    renderApp('/account');

    expect(await sentences('仅使用密码登录')).toEqual([
      '仅使用密码登录',
      '动态码输入因多次错误被锁定',
      '为 Demo Workspace 开启了 MFA 安全认证',
    ]);
    const card = await logCard();
    expect(card.getAllByText('未知浏览器（未知系统）')).toHaveLength(2);
    expect(card.getByLabelText('显示')).toBeInTheDocument();
  });
});
