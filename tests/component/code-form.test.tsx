import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { CodeForm } from '@/components/code-form';
import { arrivedAtOnce, digitsOf } from '@/components/code-input';

function Harness({
  onSubmit,
  error = null,
  pending = false,
  deadline,
}: {
  onSubmit: (code: string) => void;
  error?: unknown;
  pending?: boolean;
  deadline?: number;
}) {
  return (
    <CodeForm
      label="6-digit dynamic security code"
      onSubmit={onSubmit}
      pending={pending}
      error={error}
      {...(deadline === undefined ? {} : { deadline })}
    />
  );
}

/** A form whose every submission is refused with a wrong-code error, as the server would. */
function RefusingHarness({ onSubmit }: { onSubmit: (code: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <CodeForm
      label="6-digit dynamic security code"
      pending={false}
      error={error}
      onSubmit={(code) => {
        onSubmit(code);
        setError(new ApiError({ status: 400, code: 'INVALID_CODE' }));
      }}
    />
  );
}

/** A form whose request stays in flight until the test resolves it. */
function InFlightHarness({ onSubmit }: { onSubmit: (code: string) => void }) {
  const [pending, setPending] = useState(false);
  return (
    <CodeForm
      label="6-digit dynamic security code"
      pending={pending}
      error={null}
      onSubmit={(code) => {
        setPending(true);
        onSubmit(code);
      }}
    />
  );
}

describe('digitsOf (CODE-1)', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 12 34 56 ', '123456'],
    ['1234567', '123456'],
  ])('reads %j as %j', (raw, digits) => {
    expect(digitsOf(raw)).toBe(digits);
  });

  it.each(['12a456', 'abcdef', '12.456', '１２３４５６'])('refuses %j', (raw) => {
    expect(digitsOf(raw)).toBeNull();
  });
});

describe('arrivedAtOnce (CODE-2, CODE-3)', () => {
  it.each([
    ['', '123456', undefined, true],
    ['12345', '123456', undefined, false],
    ['12456', '123456', undefined, false],
    ['123456', '654321', undefined, true],
    ['111111', '222222', undefined, true],
    ['123456', '123457', 'insertFromPaste', true],
    ['123456', '129456', 'insertText', false],
    ['123456', '1', 'insertText', false],
  ])('%j then %j (%s): %s', (previous, next, inputType, expected) => {
    expect(arrivedAtOnce(previous, next, inputType)).toBe(expected);
  });
});

describe('CodeForm (CODE-1 to CODE-4)', () => {
  it('is one labelled one-time-code input with a numeric keyboard', () => {
    render(<Harness onSubmit={vi.fn()} />);
    const input = screen.getByLabelText('6-digit dynamic security code');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
  });

  it('refuses letters as they are typed', async () => {
    const user = userEvent.setup();
    render(<Harness onSubmit={vi.fn()} />);
    const input = screen.getByLabelText('6-digit dynamic security code');
    await user.type(input, '12ab3');
    expect(input).toHaveValue('123');
  });

  it('submits on Enter, not while incomplete', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const input = screen.getByLabelText('6-digit dynamic security code');
    await user.type(input, '12345{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits.');
    await user.type(input, '6{Enter}');
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('123456');
  });

  it.each(['123456', '123 456', '123-456'])('submits a pasted %j by itself', async (pasted) => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('6-digit dynamic security code'));
    await user.paste(pasted);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('123456');
  });

  it('submits an autofilled code by itself', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('6-digit dynamic security code'), {
      target: { value: '654321' },
    });
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('654321');
  });

  it('sends nothing twice while a request is in flight', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<InFlightHarness onSubmit={onSubmit} />);
    const input = screen.getByLabelText('6-digit dynamic security code');
    await user.type(input, '123456{Enter}');
    await user.type(input, '{Enter}');
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('announces a refusal, keeps the code selected and focus in the field', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Harness onSubmit={vi.fn()} />);
    const input = screen.getByLabelText<HTMLInputElement>('6-digit dynamic security code');
    await user.type(input, '111111');
    rerender(
      <Harness onSubmit={vi.fn()} error={new ApiError({ status: 400, code: 'INVALID_CODE' })} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That code is not right, or it was just used. Wait for the next code in your authenticator app and enter it.',
    );
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue('111111');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 6]);
  });

  it('stays disabled until a lockout ends, and says until when', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T09:00:00Z') });
    try {
      const locked = new ApiError({ status: 429, code: 'CODE_LOCKED', retryAfter: 900 });
      render(<Harness onSubmit={vi.fn()} error={locked} />);
      expect(screen.getByRole('alert')).toHaveTextContent(
        /Code entry is locked\. Try again after .+\./,
      );
      expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
      expect(screen.getByLabelText('6-digit dynamic security code')).toBeDisabled();
      act(() => {
        vi.advanceTimersByTime(899_000);
      });
      expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
      act(() => {
        vi.advanceTimersByTime(2_000);
      });
      expect(screen.getByRole('button', { name: 'Confirm' })).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears a refusal as soon as the code is edited (CODE-3)', async () => {
    const user = userEvent.setup();
    render(<RefusingHarness onSubmit={vi.fn()} />);
    const input = screen.getByLabelText('6-digit dynamic security code');
    await user.type(input, '111111{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That code is not right, or it was just used.',
    );
    await user.keyboard('{Backspace}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('submits a right code pasted over a refused one, with the old error gone (CODE-3)', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<RefusingHarness onSubmit={onSubmit} />);
    const input = screen.getByLabelText<HTMLInputElement>('6-digit dynamic security code');
    await user.click(input);
    await user.paste('111111');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That code is not right, or it was just used.',
    );
    // The refused code is still there, selected: a paste replaces it whole.
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 6]);
    await user.paste('222 333');
    expect(onSubmit).toHaveBeenLastCalledWith('222333');
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('counts down to the end of a lock without announcing every second (CODE-4)', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T09:00:00Z') });
    try {
      const locked = new ApiError({ status: 429, code: 'CODE_LOCKED', retryAfter: 125 });
      render(<Harness onSubmit={vi.fn()} error={locked} />);
      const timer = screen.getByRole('timer');
      expect(timer).toHaveTextContent('Code entry unlocks in 2:05.');
      expect(timer).not.toHaveAttribute('aria-live');
      act(() => {
        vi.advanceTimersByTime(65_000);
      });
      expect(timer).toHaveTextContent('Code entry unlocks in 1:00.');
      act(() => {
        vi.advanceTimersByTime(61_000);
      });
      expect(screen.queryByRole('timer')).not.toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(screen.getByLabelText('6-digit dynamic security code')).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says to start again, and not when the step ends, when a lock outlasts the step (CODE-4)', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T09:00:00Z') });
    try {
      const deadline = Date.parse('2026-03-02T09:05:00Z');
      const { rerender } = render(<Harness onSubmit={vi.fn()} deadline={deadline} />);
      expect(screen.getByText(/this step must be completed by/)).toBeInTheDocument();
      const locked = new ApiError({ status: 429, code: 'CODE_LOCKED', retryAfter: 900 });
      rerender(<Harness onSubmit={vi.fn()} error={locked} deadline={deadline} />);
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Code entry is locked for longer than this login step lasts. Go back to the login and start again later.',
      );
      expect(screen.queryByText(/this step must be completed by/)).not.toBeInTheDocument();
      expect(screen.queryByText(/Try again after/)).not.toBeInTheDocument();
      expect(screen.queryByRole('timer')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    } finally {
      vi.useRealTimers();
    }
  });
});
