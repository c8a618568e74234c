import { existsSync, readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

/** Issue 9, point 13: one name for each thing, one case rule, the documents a type needs. */
describe('Submit Ticket words and documents', () => {
  async function openForm() {
    await signIn('alice@example.com');
    const view = renderApp('/tickets/new');
    await screen.findByRole('heading', { name: 'Submit Ticket' });
    return view;
  }

  it('lists Canceled in "How tickets work"', async () => {
    await openForm();
    const how = screen.getByRole('heading', { name: 'How tickets work' }).closest('section');
    const items = within(how ?? document.body).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Waiting for Assignment/),
      expect.stringMatching(/^Waiting for Feedback/),
      expect.stringMatching(/^Feedback Provided/),
      expect.stringMatching(/^Closed/),
      expect.stringMatching(/^Canceled.*Restart it/),
    ]);
  });

  it('links Change Owner Account to a downloadable application form, in English and Chinese', async () => {
    const { user } = await openForm();
    await user.selectOptions(screen.getByLabelText('Type'), 'change_owner');

    const link = screen.getByRole('link', {
      name: 'Download the application form template (.txt)',
    });
    expect(link).toHaveAttribute('download');
    const href = link.getAttribute('href') ?? '';
    expect(href).toBe('/templates/change-owner-application-form.en.txt');
    // A real file the build serves from public/.
    expect(readFileSync(`public${href}`, 'utf8')).toMatch(
      /^CHANGE OWNER ACCOUNT: APPLICATION FORM/,
    );

    // The Chinese form has its own file, named by the language code the app uses.
    expect(existsSync('public/templates/change-owner-application-form.zh-CN.txt')).toBe(true);
  });

  it("gives the workspace policy one name, the seed's", async () => {
    await signIn('owner@example.com');
    renderApp('/w/ws_demo/settings/security');
    expect(
      await screen.findByRole('switch', { name: 'MFA Security Authentication' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/mandatory MFA/i)).not.toBeInTheDocument();
  });
});
