import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, TICKET_TITLE_MAX_LENGTH } from '@/api/limits';
import { paths } from '@/api/paths';
import { IDEMPOTENCY_KEY_HEADER } from '@/api/schemas/tickets';
import { seedState } from '@/backend/seed';
import { mswServer } from './setup';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

// The demo password hashes are slow on purpose; make them once, before any test's clock runs.
beforeAll(() => {
  seedState(0);
});

type User = ReturnType<typeof renderApp>['user'];

/** Opens Submit Ticket as alice. */
async function openForm(path = '/tickets/new') {
  await signIn('alice@example.com');
  const view = renderApp(path);
  await screen.findByRole('heading', { name: 'Submit Ticket' });
  return view;
}

async function fillBugReport(user: User) {
  await user.selectOptions(screen.getByLabelText('Type'), 'bug_report');
  await user.type(screen.getByLabelText('Title'), 'Dashboards load slowly');
  await user.type(screen.getByLabelText('Description'), 'Every morning, 20 s per dashboard.');
}

function file(name: string, size = 16, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(size)], name, { type });
}

const storedTickets = () => mockApi().server.run((state) => state.tickets);
const storedUploads = () => mockApi().server.run((state) => state.attachments.length);

/** Counts the creation requests that reach the network. */
function countCreations(): { count: number; keys: (string | null)[] } {
  const seen = { count: 0, keys: [] as (string | null)[] };
  mswServer.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === paths.tickets.href) {
      seen.count += 1;
      seen.keys.push(request.headers.get(IDEMPOTENCY_KEY_HEADER));
    }
  });
  return seen;
}

describe('Submit Ticket: limits shown as you type (TICKET-2)', () => {
  it('counts the title and description, and refuses a title over the limit before sending', async () => {
    const { user } = await openForm();
    await user.selectOptions(screen.getByLabelText('Type'), 'feature_request');

    await user.type(screen.getByLabelText('Title'), 'Dark mode');
    expect(screen.getByText('9 / 100 characters')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Description'), 'Please.');
    expect(screen.getByText('7 / 2000 characters')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Title'));
    await user.click(screen.getByLabelText('Title'));
    await user.paste('x'.repeat(TICKET_TITLE_MAX_LENGTH + 1));
    expect(screen.getByText('101 / 100 characters')).toBeInTheDocument();
    const creations = countCreations();
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Use at most 100 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveFocus();
    expect(creations.count).toBe(0);
  });

  it('asks for the type, title and description it needs', async () => {
    const { user } = await openForm();

    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Choose the type of your request.')).toBeInTheDocument();
    expect(screen.getAllByText('This field is required.')).toHaveLength(2);
    expect(screen.getByLabelText('Type')).toHaveFocus();
    expect(await storedTickets()).toHaveLength(0);
  });

  it('requires the signed form for Change Owner Account (TICKET-4)', async () => {
    const { user } = await openForm();
    await user.selectOptions(screen.getByLabelText('Type'), 'change_owner');
    await user.type(screen.getByLabelText('Title'), 'Make Bob the owner');
    await user.type(screen.getByLabelText('Description'), 'Olivia leaves the company.');

    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Attach the signed application form.')).toBeInTheDocument();
    expect(screen.getByText('Attachments (required)')).toBeInTheDocument();
    expect(await storedTickets()).toHaveLength(0);
  });
});

describe('Submit Ticket: attachments (TICKET-3)', () => {
  it('refuses a file type outside the list before any upload, with a clear message', async () => {
    await openForm();
    // As a user who switched the file dialog to "All files".
    const user = userEvent.setup({ applyAccept: false });

    await user.upload(screen.getByLabelText('Add files'), [file('setup.exe'), file('notes.svg')]);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Some files were not added')).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'setup.exe: this type of file is not accepted. Use png, gif, jpg, jpeg, bmp, doc, docx, pdf, xlsx, xls, txt, zip, rar.',
    );
    expect(alert).toHaveTextContent('notes.svg: this type of file is not accepted.');
    expect(screen.queryByRole('list', { name: 'Files to attach' })).not.toBeInTheDocument();
    expect(await storedUploads()).toBe(0);
  });

  it('refuses a file over 8 MB and a sixth file, and uploads the rest', async () => {
    await openForm();
    const user = userEvent.setup({ applyAccept: false });

    await user.upload(screen.getByLabelText('Add files'), [
      file('huge.pdf', ATTACHMENT_MAX_BYTES + 1),
      ...['a.png', 'b.png', 'c.png', 'd.png', 'e.png', 'f.png'].map((name) => file(name)),
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('huge.pdf is larger than 8 MB.');
    expect(alert).toHaveTextContent('f.png: a ticket takes at most 5 files.');
    const chosen = screen.getByRole('list', { name: 'Files to attach' });
    await waitFor(() => expect(within(chosen).getAllByText(/Uploaded/)).toHaveLength(5));
    expect(await storedUploads()).toBe(5);
    expect(screen.getByLabelText('Add files')).toBeDisabled();
  });

  it('removes a chosen file', async () => {
    const { user } = await openForm();
    await user.upload(screen.getByLabelText('Add files'), file('shot.png', 16, 'image/png'));
    await screen.findByText(/Uploaded/);

    await user.click(screen.getByRole('button', { name: 'Remove shot.png' }));

    expect(screen.queryByText('shot.png')).not.toBeInTheDocument();
    expect(screen.getByText('0 of 5')).toBeInTheDocument();
  });

  it('shows a file name without the characters that disguise it (GUARD-6)', async () => {
    const { user } = await openForm();
    await user.upload(
      screen.getByLabelText('Add files'),
      file('report\u202Eexe.png', 16, 'image/png'),
    );
    await screen.findByText(/Uploaded/);
    expect(screen.getByText('reportexe.png')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('\u202E');
  });
});

describe('Submit Ticket: a failed submit keeps everything (QUAL-1)', () => {
  it('keeps type, title, description and attachments, and goes through on retry', async () => {
    const { user, location } = await openForm();
    await fillBugReport(user);
    await user.upload(screen.getByLabelText('Add files'), file('trace.txt', 32, 'text/plain'));
    await screen.findByText(/Uploaded/);
    mswServer.use(
      http.post(
        paths.tickets.href,
        () =>
          HttpResponse.json(
            { error: { code: 'SERVICE_UNAVAILABLE', message: 'Down.' } },
            { status: 503 },
          ),
        { once: true },
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Submit' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The ticket was not submitted. Everything you entered is still here.',
    );
    expect(alert).toHaveTextContent('The service is temporarily unavailable.');
    expect(screen.getByLabelText('Type')).toHaveValue('bug_report');
    expect(screen.getByLabelText('Title')).toHaveValue('Dashboards load slowly');
    expect(screen.getByLabelText('Description')).toHaveValue('Every morning, 20 s per dashboard.');
    expect(screen.getByText('trace.txt')).toBeInTheDocument();
    expect(await storedTickets()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByRole('heading', { name: 'Dashboards load slowly' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Ticket TK100001 submitted')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /trace\.txt/ })).toBeInTheDocument();
    expect(location().pathname).toMatch(/^\/tickets\/tkt_/);
  });

  it('keeps the draft across a reload of the page', async () => {
    const first = await openForm();
    await fillBugReport(first.user);
    first.unmount();

    renderApp('/tickets/new');

    expect(await screen.findByLabelText('Title')).toHaveValue('Dashboards load slowly');
    expect(screen.getByLabelText('Type')).toHaveValue('bug_report');
  });
});

describe('Submit Ticket: one ticket per submission (Idempotency-Key)', () => {
  it('makes one ticket from a double click', async () => {
    const { user } = await openForm();
    await fillBugReport(user);
    const creations = countCreations();

    await user.dblClick(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByRole('heading', { name: 'Dashboards load slowly' }),
    ).toBeInTheDocument();
    expect(await storedTickets()).toHaveLength(1);
    expect(creations.count).toBe(1);
  });

  it('sends the same key again after a lost answer, and a new one after a refusal', async () => {
    const { user } = await openForm();
    await fillBugReport(user);
    const creations = countCreations();
    mswServer.use(http.post(paths.tickets.href, () => HttpResponse.error(), { once: true }));

    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server.');
    mswServer.use(
      http.post(
        paths.tickets.href,
        () =>
          HttpResponse.json(
            { error: { code: 'VALIDATION_FAILED', message: 'No.', fieldErrors: {} } },
            { status: 400 },
          ),
        { once: true },
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(creations.count).toBe(2));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByRole('heading', { name: 'Dashboards load slowly' });

    const [first, afterLoss, afterRefusal] = creations.keys;
    expect(first).toMatch(/^ticket-[\w-]+$/);
    expect(afterLoss).toBe(first);
    expect(afterRefusal).not.toBe(first);
    expect(await storedTickets()).toHaveLength(1);
  });
});

describe('Unbind MFA from the login code step (TICKET-8)', () => {
  /** Bob after his password: the code dialog (LOGIN-3). */
  async function bobAtTheCodeStep() {
    await signIn('bob@example.com', 'mfa_required');
    const view = renderApp('/login');
    await screen.findByRole('heading', { name: 'Enter your dynamic code' });
    return view;
  }

  async function mailedCode(): Promise<string> {
    const body = await mockApi().server.run((state) => state.outbox.at(-1)?.body ?? '');
    return /\b(\d{6})\b/.exec(body)?.[1] ?? '';
  }

  it('opens the form with Unbind MFA chosen, keeps it after a wrong code, and shows the number', async () => {
    const { user } = await bobAtTheCodeStep();

    await user.click(screen.getByRole('link', { name: 'Unbind MFA' }));

    expect(await screen.findByRole('heading', { name: 'Unbind MFA' })).toBeInTheDocument();
    expect(screen.getByLabelText('Type')).toHaveValue('unbind_mfa');
    expect(screen.getByLabelText('Type')).toBeDisabled();
    expect(await screen.findByText(/b\*\*\*b@example\.com/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Get Verification Code' }));
    // While the countdown runs the button stays in the tab order, so a keyboard user hears it.
    const resend = await screen.findByRole('button', { name: /Resend in \d+ s/ });
    expect(resend).toHaveAttribute('aria-disabled', 'true');
    await user.tab({ shift: true });
    await user.tab();
    expect(resend).toHaveFocus();
    const code = await mailedCode();
    const wrong = code === '000000' ? '111111' : '000000';
    await user.type(screen.getByLabelText('Description'), 'Stolen on the train.');
    const described = (screen.getByLabelText('Description') as HTMLTextAreaElement).value;
    await user.type(screen.getByLabelText('Email verification code'), wrong);

    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByText(/That verification code is wrong or has expired/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Unbind MFA: lost authenticator');
    expect(screen.getByLabelText('Description')).toHaveValue(described);
    expect(screen.getByLabelText('Email verification code')).toHaveFocus();
    await user.clear(screen.getByLabelText('Email verification code'));
    await user.type(screen.getByLabelText('Email verification code'), code);
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByRole('heading', { name: 'Your ticket is submitted' }),
    ).toBeInTheDocument();
    expect(screen.getByText('TK100001')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What happens next' })).toBeInTheDocument();
    const bob = await mockApi().server.run((state) =>
      state.accounts.find((account) => account.email === 'bob@example.com'),
    );
    expect(bob?.mfa).not.toBeNull();
  });

  it('starts from a title, a template of questions and the time limit on top, with one exit', async () => {
    const { user } = await bobAtTheCodeStep();
    await user.click(screen.getByRole('link', { name: 'Unbind MFA' }));
    await screen.findByRole('heading', { name: 'Unbind MFA' });

    expect(screen.getByLabelText('Title')).toHaveValue('Unbind MFA: lost authenticator');
    const description = screen.getByLabelText('Description');
    expect((description as HTMLTextAreaElement).value).toMatch(
      /^What happened to your authenticator .*\n\nWhen you last logged in with MFA/,
    );
    expect(description).toHaveAccessibleDescription(/Answer under each question/);
    // Sized to the template: every line of it, the long first one wrapped, and one to type in.
    const templateLines = (description as HTMLTextAreaElement).value.split('\n').length;
    expect((description as HTMLTextAreaElement).rows).toBeGreaterThan(templateLines);
    const limit = screen.getByText(/this step must be completed by/);
    expect(
      limit.compareDocumentPosition(screen.getByLabelText('Type')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back to login' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to the code' })).toBeInTheDocument();
  });

  it('goes back to the code dialog', async () => {
    const { user } = await bobAtTheCodeStep();
    await user.click(screen.getByRole('link', { name: 'Unbind MFA' }));
    await screen.findByRole('heading', { name: 'Unbind MFA' });

    await user.click(screen.getByRole('button', { name: 'Back to the code' }));

    expect(
      await screen.findByRole('heading', { name: 'Enter your dynamic code' }),
    ).toBeInTheDocument();
  });
});

describe('Submit Ticket: Unbind MFA for an account without MFA', () => {
  it('offers the type disabled, with the reason, even when the link asked for it', async () => {
    await openForm('/tickets/new?type=unbind_mfa');
    const option = screen.getByRole('option', {
      name: 'Unbind MFA (your account has no MFA to unbind)',
    });
    expect(option).toBeDisabled();
    expect(screen.getByLabelText('Type')).toHaveValue('');
    expect(screen.queryByLabelText('Email verification code')).not.toBeInTheDocument();
  });
});
