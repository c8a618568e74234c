import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { ConfirmDialog } from '@/components/confirm-dialog';

/** A page with one button that asks before it acts. */
function Page({ pending = false, error }: { pending?: boolean; error?: unknown }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete report
      </button>
      {done && <p>Deleted.</p>}
      <ConfirmDialog
        open={open}
        title="Delete this report?"
        description="It cannot be restored."
        confirmLabel="Delete"
        tone="danger"
        pending={pending}
        error={error}
        onConfirm={() => {
          setDone(true);
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

/** The browser's Escape on a modal <dialog>, which jsdom does not send by itself. */
function pressEscape(dialog: HTMLElement) {
  fireEvent(dialog, new Event('cancel', { cancelable: true }));
}

describe('ConfirmDialog (QUAL-1, QUAL-2)', () => {
  it('names the question and the action, and gives focus back to what opened it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Delete report' });

    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Delete this report?' });
    expect(dialog).toHaveAccessibleDescription('It cannot be restored.');
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Cancel', 'Delete']);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText('Deleted.')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await user.click(opener);
    pressEscape(screen.getByRole('dialog'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Deleted.')).toBeInTheDocument();
  });

  it('cannot be abandoned or confirmed again while the action runs', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Delete report' }));
    rerender(<Page pending />);
    const dialog = screen.getByRole('dialog');

    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAttribute('aria-busy', 'true');
    pressEscape(dialog);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows a failure inside, so the dialog stays for another try', async () => {
    const user = userEvent.setup();
    render(<Page error={new ApiError({ status: 403, code: 'FORBIDDEN' })} />);
    await user.click(screen.getByRole('button', { name: 'Delete report' }));

    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'You do not have permission to do this.',
    );
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeEnabled();
  });
});
