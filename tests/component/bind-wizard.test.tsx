import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '@/lib/use-media-query';
import { phoneCode } from './support/authenticator';
import { enterCode } from './support/code-entry';
import { emailCodeFor } from './support/mailbox';
import { mockApi } from './support/mock-api';
import { keepRecoveryCodes } from './support/recovery-codes';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

const ALICE = 'alice@example.com';
const BIND_PATH = '/account/mfa/bind';
const APP_HEADING = 'Scan the QR code with your authenticator app';
const MINUTE_MS = 60_000;

type User = ReturnType<typeof renderApp>['user'];

async function verifyIdentity(user: User, heading = APP_HEADING) {
  await user.click(await screen.findByRole('button', { name: 'Get Verification Code' }));
  await screen.findByText(/A code was sent to/);
  await enterCode(user, 'Email verification code', await emailCodeFor(ALICE));
  expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
}

function setupKeyShown(): string {
  return (screen.getByLabelText('Setup key').textContent ?? '').replace(/\s/g, '');
}

async function pendingSecret(): Promise<string | null> {
  return mockApi().server.run((state) => state.enrollments[0]?.secret ?? null);
}

function stepState(name: string) {
  const steps = screen.getByRole('list', { name: 'Binding steps' });
  const item = within(steps).getByText(name).closest('li');
  return item?.getAttribute('data-state');
}

/** Makes the phone-sized media query match, as on a 375 px screen. */
function onAPhone() {
  const real = window.matchMedia.bind(window);
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) =>
    query === PHONE_QUERY ? { ...real(query), matches: true } : real(query),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the email code step (BIND-1)', () => {
  it('lets a new code be asked for at once when wrong tries voided the last one', async () => {
    await signIn(ALICE);
    const { user } = renderApp(BIND_PATH);
    await user.click(await screen.findByRole('button', { name: 'Get Verification Code' }));
    const code = await emailCodeFor(ALICE);
    const wrong = (offset: number) => String((Number(code) + offset) % 1_000_000).padStart(6, '0');
    expect(await screen.findByRole('button', { name: /Resend in \d+ s/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    for (let offset = 1; offset <= 5; offset++) {
      await enterCode(user, 'Email verification code', wrong(offset));
      await screen.findByRole('alert');
    }

    const resend = await screen.findByRole('button', { name: 'Resend code' });
    expect(resend).not.toHaveAttribute('aria-disabled');
    await user.click(resend);
    expect(await emailCodeFor(ALICE)).not.toBe(code);
  });
});

describe('the resend countdown (BIND-1)', () => {
  it('survives a reload of the page, but not a new login', async () => {
    await signIn(ALICE);
    const first = renderApp(BIND_PATH);
    await first.user.click(await screen.findByRole('button', { name: 'Get Verification Code' }));
    await screen.findByRole('button', { name: /Resend in \d+ s/ });
    first.unmount();

    const reloaded = renderApp(BIND_PATH);
    expect(await screen.findByRole('button', { name: /Resend in \d+ s/ })).toBeInTheDocument();
    reloaded.unmount();

    await signIn(ALICE);
    renderApp(BIND_PATH);
    const send = await screen.findByRole('button', { name: 'Get Verification Code' });
    expect(send).not.toHaveAttribute('aria-disabled');
  });
});

describe('the bind wizard keeps its secret and its place (BIND-4, BIND-5)', () => {
  it('shows the same QR code after Back from step 3, and offers no way back to step 1', async () => {
    await signIn(ALICE);
    const { user } = renderApp(BIND_PATH);
    await verifyIdentity(user);
    await screen.findByRole('img', { name: /QR code for adding/ });
    const first = setupKeyShown();

    expect(stepState('Verify identity')).toBe('done');
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Cancel binding' })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Enter the dynamic code' });
    await user.click(screen.getByRole('button', { name: 'Back' }));

    expect(await screen.findByRole('heading', { name: APP_HEADING })).toBeInTheDocument();
    expect(setupKeyShown()).toBe(first);
    expect(await pendingSecret()).toBe(first);
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
  });

  it('resumes at step 2 after a reload, with step 1 done and the same key', async () => {
    await signIn(ALICE);
    const first = renderApp(BIND_PATH);
    await verifyIdentity(first.user);
    await screen.findByRole('img', { name: /QR code for adding/ });
    const secret = setupKeyShown();
    await first.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Enter the dynamic code' });
    first.unmount();

    // Past the identity's own 10 minutes, the secret it fetched keeps step 1 done.
    mockApi().advance(9 * MINUTE_MS);
    renderApp(BIND_PATH);
    expect(await screen.findByRole('heading', { name: APP_HEADING })).toBeInTheDocument();
    await screen.findByRole('img', { name: /QR code for adding/ });
    expect(setupKeyShown()).toBe(secret);
    expect(stepState('Verify identity')).toBe('done');
    expect(screen.queryByRole('button', { name: /verification code/ })).not.toBeInTheDocument();
  });

  it('rotates the secret only through "Show a new QR code", which says to delete the old entry', async () => {
    await signIn(ALICE);
    const { user } = renderApp(BIND_PATH);
    await verifyIdentity(user);
    await screen.findByRole('img', { name: /QR code for adding/ });
    const first = setupKeyShown();

    await user.click(screen.getByRole('button', { name: 'Show a new QR code' }));
    const dialog = await screen.findByRole('dialog', { name: 'Show a new QR code?' });
    expect(dialog).toHaveTextContent(/Delete it from the app first/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await pendingSecret()).toBe(first);

    await user.click(screen.getByRole('button', { name: 'Show a new QR code' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Show a new QR code',
      }),
    );
    expect(await screen.findByText(/This is a new QR code/)).toBeInTheDocument();
    const rotated = setupKeyShown();
    expect(rotated).not.toBe(first);
    expect(await pendingSecret()).toBe(rotated);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await enterCode(user, '6-digit dynamic security code', await phoneCode(rotated));
    await keepRecoveryCodes(user);
    expect(await screen.findByRole('heading', { name: 'MFA is bound' })).toBeInTheDocument();
  });

  it('says the QR code expired and starts at step 1, its send button usable', async () => {
    await signIn(ALICE);
    const { user } = renderApp(BIND_PATH);
    await verifyIdentity(user);
    await screen.findByRole('img', { name: /QR code for adding/ });
    const secret = setupKeyShown();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Enter the dynamic code' });

    mockApi().advance(10 * MINUTE_MS);
    await enterCode(user, '6-digit dynamic security code', await phoneCode(secret));

    expect(
      await screen.findByRole('heading', { name: 'Verify your identity' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/The QR code expired after 10 minutes/)).toBeInTheDocument();
    expect(stepState('Verify identity')).toBe('current');
    expect(screen.getByRole('button', { name: 'Get Verification Code' })).toBeEnabled();
  });
});

describe('the app step on a phone (BIND-6)', () => {
  it('puts the link to the app and the setup key first, the QR code folded after them', async () => {
    onAPhone();
    await signIn(ALICE);
    const { user } = renderApp(BIND_PATH);
    // The QR code is folded away there, so the heading and the step name say what is shown.
    await verifyIdentity(user, 'Add the account to your authenticator app');
    expect(screen.getByText('Step 2 of 4:').nextElementSibling).toHaveTextContent(
      'Add to your app',
    );

    const open = await screen.findByRole('link', { name: 'Open in authenticator app' });
    const key = screen.getByLabelText('Setup key');
    expect(open.getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(open.getAttribute('href') ?? '').searchParams.get('secret')).toBe(
      setupKeyShown(),
    );
    expect(key).toBeVisible();
    expect(key.closest('details')).toHaveAttribute('open');
    const qrFold = screen.getByText('Show the QR code (to scan with another device)');
    expect(qrFold.closest('details')).not.toHaveAttribute('open');
    // Document order is reading order: link, key, then the QR code.
    expect(open.compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(key.compareDocumentPosition(qrFold) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('keeps the QR code first on a wide screen, the key folded under "Can\'t scan?"', async () => {
    await signIn(ALICE);
    const { user } = renderApp(BIND_PATH);
    await verifyIdentity(user);

    const qr = await screen.findByRole('img', { name: /QR code for adding/ });
    expect(screen.queryByRole('link', { name: 'Open in authenticator app' })).toBeNull();
    const fold = screen.getByText("Can't scan the QR code?");
    expect(fold.closest('details')).not.toHaveAttribute('open');
    expect(qr.compareDocumentPosition(fold) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the forced bind has one exit and says where it led (LOGIN-4)', () => {
  it('offers only Cancel binding, then tells the login page why the user was signed out', async () => {
    await signIn('carol@example.com');
    const { user } = renderApp('/login');
    expect(
      await screen.findByRole('heading', { name: 'Bind MFA to enter Secure Workspace' }),
    ).toBeInTheDocument();
    const cancel = await screen.findByRole('button', { name: 'Cancel binding' });
    expect(screen.queryByRole('button', { name: 'Back to login' })).not.toBeInTheDocument();

    await user.click(cancel);

    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'Binding cancelled: Secure Workspace requires MFA, so you were signed out. Log in again to bind MFA and enter it.',
      ),
    ).toBeInTheDocument();
    expect(await mockApi().server.run((state) => state.enrollments)).toEqual([]);
  });

  it('offers no way back to the login under the success panel', async () => {
    await signIn('carol@example.com');
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Get Verification Code' }));
    await screen.findByText(/A code was sent to/);
    await enterCode(user, 'Email verification code', await emailCodeFor('carol@example.com'));
    await screen.findByRole('img', { name: /QR code for adding/ });
    await user.click(screen.getByText("Can't scan the QR code?"));
    const secret = setupKeyShown();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await enterCode(user, '6-digit dynamic security code', await phoneCode(secret));
    await keepRecoveryCodes(user);

    expect(
      await screen.findByRole('button', { name: 'Enter Secure Workspace' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back to login' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel binding' })).not.toBeInTheDocument();
  });
});
