import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * RECOVERY-1: the step that ends a binding. Reads the codes shown, says they
 * are saved and finishes; returns the codes.
 */
export async function keepRecoveryCodes(user: UserEvent): Promise<string[]> {
  await screen.findByRole('heading', { name: 'Save your recovery codes' });
  const list = screen.getByRole('list', { name: 'Your recovery codes' });
  const codes = within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
  await user.click(screen.getByRole('button', { name: 'Finish' }));
  return codes;
}
