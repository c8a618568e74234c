import { screen } from '@testing-library/react';
import type { renderApp } from './render-app';

type User = ReturnType<typeof renderApp>['user'];

/** Types a code into the field labelled `label`, replacing what was there, and presses Confirm. */
export async function enterCode(user: User, label: string, code: string): Promise<void> {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.type(field, code);
  await user.click(screen.getByRole('button', { name: 'Confirm' }));
}
