import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/api/limits';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

async function offsetNow() {
  return mockApi().server.run((state) => state.devSettings.clockOffsetMs);
}

async function advanceBy(typed: string) {
  const { user } = renderApp('/dev');
  const days = await screen.findByLabelText('Advance the clock by days');
  await user.clear(days);
  if (typed) await user.type(days, typed);
  await user.click(screen.getByRole('button', { name: 'Advance' }));
  return days;
}

describe('Dev tools: advance the server clock by days (MANDATORY-5, MOCK-8)', () => {
  it('moves the offset forward by whole days and says so', async () => {
    await advanceBy('3');

    expect(await screen.findByText('The server clock moved forward 3 days.')).toBeInTheDocument();
    expect(await offsetNow()).toBe(3 * DAY_MS);
    expect(screen.getByLabelText('Server clock offset (s)')).toHaveValue((3 * DAY_MS) / 1000);
  });

  it.each(['0', '16', '1.5', ''])(
    'refuses %j days with a message and changes nothing',
    async (typed) => {
      const days = await advanceBy(typed);

      expect(days).toHaveAccessibleDescription('Enter a whole number of days from 1 to 15.');
      expect(await offsetNow()).toBe(0);
    },
  );

  it('refuses to go past 15 days in all', async () => {
    await mockApi().server.run((state) => {
      state.devSettings.clockOffsetMs = 14 * DAY_MS;
    });

    const days = await advanceBy('2');

    expect(days).toHaveAccessibleDescription('The clock offset may be at most 15 days either way.');
    expect(await offsetNow()).toBe(14 * DAY_MS);
  });
});
