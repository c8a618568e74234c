import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/app/query-client';
import { BOB_RECOVERY_CODES, BOB_TOTP_SECRET } from '@/backend/seed';
import { recoveryCodesFileName, RecoveryCodesStep } from '@/features/mfa/recovery-codes-step';
import { phoneCode } from './support/authenticator';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

/** One component with what it needs around it: a query client for the session it reads. */
function renderWithProviders(ui: ReactNode) {
  const user = userEvent.setup();
  render(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);
  return { user };
}

/** A TOTP step: the code bob logged in with may not be used again (ADR 0008). */
const NEXT_CODE_MS = 30_000;

async function unusedCodes(email: string) {
  return mockApi().server.run(
    (state) =>
      state.accounts
        .find((account) => account.email === email)
        ?.mfa?.recoveryCodes.filter((code) => code.usedAt === null).length,
  );
}

describe('the recovery codes step (RECOVERY-1)', () => {
  const CODES = BOB_RECOVERY_CODES.slice();

  it('lists the codes, and finishes only once "I have saved my recovery codes" is ticked', async () => {
    const onFinish = vi.fn();
    const { user } = renderWithProviders(<RecoveryCodesStep codes={CODES} onFinish={onFinish} />);
    const list = screen.getByRole('list', { name: 'Your recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(screen.getByRole('heading', { name: 'Save your recovery codes' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(onFinish).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Tick the box once your recovery codes are saved.',
    );
    const box = screen.getByRole('checkbox', { name: 'I have saved my recovery codes' });
    expect(box).toHaveFocus();
    expect(box).toBeInvalid();

    await user.click(box);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(onFinish).toHaveBeenCalledOnce();
  });

  it('copies all codes, one a line, and says so', async () => {
    const { user } = renderWithProviders(<RecoveryCodesStep codes={CODES} onFinish={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(CODES.join('\n'));
    expect(screen.getByRole('status')).toHaveTextContent('Recovery codes copied.');
  });

  it('names the .txt file after the product and the account', () => {
    expect(recoveryCodesFileName('Guance', 'bob@example.com')).toBe(
      'guance-recovery-codes-bob-example.com.txt',
    );
    expect(recoveryCodesFileName('My Brand', 'x+y@ex/ample.com')).toBe(
      'my-brand-recovery-codes-x-y-ex-ample.com.txt',
    );
  });
});

describe('the login code step with a recovery code (RECOVERY-2, RECOVERY-5)', () => {
  it('swaps to a recovery code field, refuses a malformed one before sending, and signs in', async () => {
    await signIn('bob@example.com', 'mfa_required');
    const { user } = renderApp('/login');
    expect(
      await screen.findByRole('heading', { name: 'Enter your dynamic code' }),
    ).toBeInTheDocument();
    expect(screen.getByText('No phone and no recovery codes?')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    const field = screen.getByLabelText('Recovery code');
    expect(field).toHaveFocus();
    expect(screen.getByText(/Enter one of the recovery codes you saved/)).toBeInTheDocument();
    // The heading names what is asked for now.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Enter a recovery code');

    await user.type(field, 'bob2a-demo{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A recovery code has 10 letters and digits',
    );
    expect(await unusedCodes('bob@example.com')).toBe(10);

    await user.clear(field);
    await user.type(field, 'zzzzz-zzzzz{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That recovery code is not right, or it was used already.',
    );
    expect(field).toHaveValue('zzzzz-zzzzz');

    await user.clear(field);
    await user.type(field, 'BOB2A DEMO1{Enter}');
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('You signed in with a recovery code. 9 recovery codes are left.'),
    ).toBeInTheDocument();
    expect(await unusedCodes('bob@example.com')).toBe(9);
  });

  it('goes back to the 6-digit field, forgetting the refusal of the other', async () => {
    await signIn('bob@example.com', 'mfa_required');
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), 'zzzzz-zzzzz{Enter}');
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Use a dynamic code instead' }));
    expect(screen.getByLabelText('6-digit dynamic security code')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the recovery codes row (RECOVERY-3)', () => {
  it('says how many are left, warns at 2 or fewer, on the row and the home page', async () => {
    await mockApi().server.run((state) => {
      const bob = state.accounts.find((account) => account.id === 'acc_bob');
      bob?.mfa?.recoveryCodes.slice(0, 8).forEach((code) => (code.usedAt = 1));
    });
    await signIn('bob@example.com');
    const { user } = renderApp('/w/ws_demo');
    expect(
      await screen.findByText('Only 2 recovery codes left. Make a new set before you run out.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Make new recovery codes' }));
    const row = (await screen.findByRole('heading', { name: /^Recovery codes/ })).closest('li');
    expect(row).not.toBeNull();
    expect(within(row!).getByText('2 left')).toBeInTheDocument();
    expect(within(row!).getByRole('status')).toHaveTextContent('Only 2 recovery codes left.');
  });

  it('regenerates with a dynamic code and shows the new set once', async () => {
    await signIn('bob@example.com');
    mockApi().advance(NEXT_CODE_MS);
    const { user } = renderApp('/account');
    await user.click(await screen.findByRole('button', { name: 'Regenerate' }));
    const dialog = screen.getByRole('dialog', { name: 'Make new recovery codes' });
    await user.type(
      within(dialog).getByLabelText('6-digit dynamic security code'),
      await phoneCode(BOB_TOTP_SECRET),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    const list = await within(dialog).findByRole('list', { name: 'Your recovery codes' });
    const codes = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(codes).toHaveLength(10);
    // One heading over the new set: the dialog's own, saying what to do now.
    expect(
      within(dialog)
        .getAllByRole('heading')
        .map((heading) => heading.textContent),
    ).toEqual(['Save your new recovery codes']);
    expect(codes).not.toContain(BOB_RECOVERY_CODES[0]);
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'I have saved my recovery codes' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Finish' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'New recovery codes were made. The old ones no longer work. Other sessions were signed out.',
      ),
    ).toBeInTheDocument();
  });
});
