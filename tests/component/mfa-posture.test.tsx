import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '@/api/limits';
import { saveBlob } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import { chooseLanguage } from '@/lib/i18n/i18n';
import { mockApi, TEST_START_MS } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

vi.mock('@/lib/download', () => ({ saveBlob: vi.fn() }));

const MEMBERS_PATH = '/w/ws_demo/members';

/** Bob down to `left` unused recovery codes, and alice renamed to `aliceName`. */
async function setUpDemo({ left, aliceName }: { left: number; aliceName?: string }) {
  await mockApi().server.run((state) => {
    for (const account of state.accounts) {
      if (account.email === 'bob@example.com' && account.mfa) {
        account.mfa.recoveryCodes.forEach((code, index) => {
          code.usedAt = index < account.mfa!.recoveryCodes.length - left ? TEST_START_MS : null;
        });
      }
      if (account.email === 'alice@example.com' && aliceName) account.name = aliceName;
    }
  });
}

/** Bob with one security key (KEY-1), as if he had added it. */
async function bobHasKey() {
  await mockApi().server.run((state) => {
    state.securityKeys.push({
      id: 'key_test',
      accountId: 'acc_bob',
      credentialId: 'Y3JlZGVudGlhbA',
      publicKey: 'cHVibGlj',
      counter: 0,
      transports: ['usb'],
      name: 'YubiKey',
      addedAt: TEST_START_MS,
      lastUsedAt: null,
    });
  });
}

/** Demo Workspace with mandatory MFA on and `days` of grace from the test's start. */
async function graceOf(days: number): Promise<number> {
  await mockApi().server.run((state) => {
    const workspace = state.workspaces.find((w) => w.id === 'ws_demo');
    if (!workspace) return;
    workspace.mfaRequired = true;
    workspace.mfaGraceUntil = TEST_START_MS + days * DAY_MS;
  });
  return TEST_START_MS + days * DAY_MS;
}

/** The value a stat of the posture card shows under its label. */
function statValue(card: HTMLElement, label: string): string | null | undefined {
  const term = within(card)
    .getAllByRole('term')
    .find((candidate) => candidate.textContent === label);
  return term?.nextElementSibling?.textContent;
}

/** A blob's bytes, through FileReader: jsdom's Blob has no arrayBuffer(). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsArrayBuffer(blob);
  });
}

beforeEach(() => {
  vi.mocked(saveBlob).mockClear();
});

describe("the Owner's MFA posture on the Members page (POSTURE-1)", () => {
  it('counts bound and unbound members, names who is short of codes and who must bind by the deadline', async () => {
    await setUpDemo({ left: 2 });
    const deadline = formatDateTime(await graceOf(4), 'en');
    await signIn('owner@example.com');
    renderApp(MEMBERS_PATH);

    const card = (await screen.findByRole('heading', { name: 'MFA posture' })).closest('section')!;
    expect(statValue(card, 'Bound')).toBe('1');
    expect(statValue(card, 'Not bound')).toBe('2');
    expect(statValue(card, '2 or fewer recovery codes')).toBe('1');
    expect(statValue(card, 'Grace period ends')).toBe(deadline);
    expect(statValue(card, 'With a security key')).toBe('0');
    expect(within(card).getByRole('region', { name: 'Have a security key' })).toHaveTextContent(
      'No member has added a security key yet.',
    );

    const unbound = within(card).getByRole('region', {
      name: `Still unbound, bind by ${deadline}`,
    });
    expect(
      within(unbound)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('owner@example.com'),
      expect.stringContaining('alice@example.com'),
    ]);
    const few = within(card).getByRole('region', { name: 'Few recovery codes left' });
    const bob = within(few).getByRole('listitem');
    expect(bob).toHaveTextContent('bob@example.com');
    expect(bob).toHaveTextContent('2 left');
  });

  it('counts the members with a security key and marks who they are (KEY-1)', async () => {
    await setUpDemo({ left: 5 });
    await bobHasKey();
    await signIn('owner@example.com');
    renderApp(MEMBERS_PATH);

    const card = (await screen.findByRole('heading', { name: 'MFA posture' })).closest('section')!;
    expect(statValue(card, 'With a security key')).toBe('1');
    const withKey = within(card).getByRole('region', { name: 'Have a security key' });
    const items = within(withKey).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('bob@example.com');
    expect(items[0]).toHaveTextContent('Security key');
  });

  it('leaves a member with 3 codes off the short list, and says so', async () => {
    await setUpDemo({ left: 3 });
    await signIn('owner@example.com');
    renderApp(MEMBERS_PATH);
    const few = await screen.findByRole('region', { name: 'Few recovery codes left' });
    expect(within(few).queryByRole('listitem')).not.toBeInTheDocument();
    expect(few).toHaveTextContent('Every bound member has more than 2 recovery codes left.');
    expect(screen.getByRole('region', { name: 'Still unbound' })).toBeInTheDocument();
  });

  it('exports the posture as CSV with a BOM, a formula in a name made harmless', async () => {
    await setUpDemo({ left: 1, aliceName: '=HYPERLINK("http://x")' });
    await bobHasKey();
    await signIn('owner@example.com');
    const { user } = renderApp(MEMBERS_PATH);
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    expect(saveBlob).toHaveBeenCalledTimes(1);
    const [blob, fileName] = vi.mocked(saveBlob).mock.calls[0]!;
    expect(fileName).toMatch(/^mfa-posture-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await bytesOf(blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      'Name,Email,Role,MFA,Recovery codes left,2 or fewer recovery codes,Bind by,Security key',
    );
    expect(lines).toContain(
      `"'=HYPERLINK(""http://x"")",alice@example.com,Standard member,Not Bound,,No,,No`,
    );
    expect(lines).toContain('Bob Li,bob@example.com,Standard member,Bound,1,Yes,,Yes');
  });

  it('gives the unbound, and only them, the grace deadline in the CSV', async () => {
    await setUpDemo({ left: 2 });
    const deadline = await graceOf(4);
    await signIn('owner@example.com');
    const { user } = renderApp(MEMBERS_PATH);
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    const [blob] = vi.mocked(saveBlob).mock.calls[0]!;
    const lines = new TextDecoder().decode(await bytesOf(blob)).split('\r\n');
    const alice = lines.find((line) => line.includes('alice@example.com'));
    const bindBy = alice?.split(',').at(-2) ?? '';
    expect(bindBy).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(bindBy)).toBe(deadline);
    expect(lines.find((line) => line.includes('bob@example.com'))).toMatch(/,Bound,2,Yes,,No$/);
  });

  it('reads in Chinese', async () => {
    await chooseLanguage('zh-CN');
    await setUpDemo({ left: 2 });
    await bobHasKey();
    await signIn('owner@example.com');
    const { user } = renderApp(MEMBERS_PATH);
    const card = (await screen.findByRole('heading', { name: 'MFA 安全状况' })).closest('section')!;
    expect(statValue(card, '已绑定')).toBe('1');
    expect(statValue(card, '未绑定')).toBe('2');
    expect(within(card).getByRole('region', { name: '恢复码即将用完' })).toHaveTextContent(
      '剩余 2 个',
    );
    expect(statValue(card, '已添加安全密钥')).toBe('1');
    expect(within(card).getByRole('region', { name: '已添加安全密钥的成员' })).toHaveTextContent(
      'bob@example.com',
    );
    await user.click(within(card).getByRole('button', { name: '导出 CSV' }));
    const [blob] = vi.mocked(saveBlob).mock.calls[0]!;
    const lines = new TextDecoder().decode(await bytesOf(blob)).split('\r\n');
    expect(lines[0]?.split(',').at(-1)).toBe('安全密钥');
    expect(
      lines
        .find((line) => line.includes('bob@example.com'))
        ?.split(',')
        .at(-1),
    ).toBe('是');
  });
});
