import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { chooseLanguage } from '@/lib/i18n/i18n';
import { phoneCode } from './support/authenticator';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

const CODE_LABEL = '6-digit dynamic security code';

describe('the clock-drift hint at the login code step (DRIFT-1)', () => {
  it('tells a phone 4 steps ahead that its clock is about 120 seconds fast, then lets the right code in', async () => {
    await signIn('bob@example.com', 'mfa_required');
    const { user, location } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Enter your dynamic code' });

    await user.type(screen.getByLabelText(CODE_LABEL), await phoneCode(BOB_TOTP_SECRET, 4));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That code is not right, or it was just used.');
    expect(alert).toHaveTextContent(
      "Your phone's clock seems to be about 120 seconds ahead. Turn on automatic date and time",
    );

    await user.clear(screen.getByLabelText(CODE_LABEL));
    await user.type(screen.getByLabelText(CODE_LABEL), await phoneCode(BOB_TOTP_SECRET));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(location().pathname).not.toBe('/login'));
    expect(screen.queryByText(/clock seems/)).not.toBeInTheDocument();
  });

  it('says in Chinese, with no space between the sentences, that a phone 9 steps behind is about 270 seconds slow', async () => {
    await chooseLanguage('zh-CN');
    await signIn('bob@example.com', 'mfa_required');
    const { user } = renderApp('/login');
    const field = await screen.findByLabelText('6 位动态安全码');

    await user.type(field, await phoneCode(BOB_TOTP_SECRET, -9));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '再输入。您手机的时间似乎慢了约 270 秒。请在手机设置中开启“自动设置日期和时间”',
    );
  });

  it('shows no clock hint for a code 11 steps away', async () => {
    await signIn('bob@example.com', 'mfa_required');
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText(CODE_LABEL), await phoneCode(BOB_TOTP_SECRET, 11));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That code is not right, or it was just used.');
    expect(alert).not.toHaveTextContent(/clock/);
  });
});
