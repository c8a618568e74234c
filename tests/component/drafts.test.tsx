import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { discardAllDrafts, useDraft } from '@/lib/drafts';

function DraftForm({ onSent }: { onSent?: () => void }) {
  const [draft, setDraft, discard] = useDraft('note', { title: '' });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        discard();
        onSent?.();
      }}
    >
      <label>
        Title
        <input value={draft.title} onChange={(event) => setDraft({ title: event.target.value })} />
      </label>
      <button type="submit">Send</button>
    </form>
  );
}

describe('useDraft (QUAL-1, LOGIN-8)', () => {
  it('keeps what was typed when the form is shown again, as after a reload or a new login', async () => {
    const user = userEvent.setup();
    const first = render(<DraftForm />);
    await user.type(screen.getByLabelText('Title'), 'Cannot log in');
    first.unmount();
    render(<DraftForm />);
    expect(screen.getByLabelText('Title')).toHaveValue('Cannot log in');
  });

  it('forgets the draft once the form is sent', async () => {
    const user = userEvent.setup();
    const first = render(<DraftForm />);
    await user.type(screen.getByLabelText('Title'), 'Sent already');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByLabelText('Title')).toHaveValue('');
    first.unmount();
    render(<DraftForm />);
    expect(screen.getByLabelText('Title')).toHaveValue('');
  });

  it('forgets every draft on logging out', async () => {
    const user = userEvent.setup();
    const first = render(<DraftForm />);
    await user.type(screen.getByLabelText('Title'), 'Private');
    first.unmount();
    act(() => discardAllDrafts());
    render(<DraftForm />);
    expect(screen.getByLabelText('Title')).toHaveValue('');
  });
});
