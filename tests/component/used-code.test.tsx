import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { phoneCode } from './support/authenticator';
import { renderApp } from './support/render-app';
import { DEMO_PASSWORD, signIn } from './support/sign-in';

const USED_CODE_EN =
  'That code is not right, or it was just used. Wait for the next code in your authenticator app and enter it.';
const USED_CODE_ZH = '动态码不正确，或刚刚已被使用。请等身份验证器应用显示下一个动态码后再输入。';

/**
 * CODE-3: a right code used a second time in its 30 s window is refused with
 * the one message for wrong, expired and used codes, and that message tells an
 * honest user what to do: wait for the next code.
 */
describe('a right code used twice (CODE-3)', () => {
  it('tells the next login in the same window to wait for the next code, in both languages', async () => {
    // Bob's phone code of this window logs a first session in; the clock stays where it is.
    await signIn('bob@example.com');
    await request(paths.session.href, { method: 'DELETE' });
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const field = await screen.findByLabelText('6-digit dynamic security code');
    await user.type(field, `${await phoneCode(BOB_TOTP_SECRET)}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(USED_CODE_EN);

    await user.selectOptions(screen.getByLabelText('Language'), 'zh-CN');
    expect(await screen.findByText(USED_CODE_ZH)).toBeInTheDocument();
  });

  it('says the same in a step-up: the code that logged in cannot also unbind', async () => {
    await signIn('bob@example.com');
    const { user } = renderApp('/account');
    await user.click(await screen.findByRole('button', { name: 'Unbind' }));
    const dialog = screen.getByRole('dialog', { name: 'Unbind MFA' });
    const field = within(dialog).getByLabelText('6-digit dynamic security code');
    await user.type(field, await phoneCode(BOB_TOTP_SECRET));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(USED_CODE_EN);
  });
});
