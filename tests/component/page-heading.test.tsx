import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DisclosureMenu } from '@/components/disclosure-menu';
import { PageHeading } from '@/components/page-heading';

/** A shell whose page arrives later than its menu, as a lazy page does. */
function Shell() {
  const [pageLoaded, setPageLoaded] = useState(false);
  return (
    <>
      <DisclosureMenu trigger="Account menu">{() => <a href="/account">Account</a>}</DisclosureMenu>
      <button type="button" onClick={() => setPageLoaded(true)}>
        Finish loading
      </button>
      {pageLoaded && <PageHeading>Welcome</PageHeading>}
    </>
  );
}

describe('PageHeading focus (QUAL-2)', () => {
  it('takes focus when a page appears', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.click(screen.getByRole('button', { name: 'Finish loading' }));
    expect(screen.getByRole('heading', { name: 'Welcome' })).toHaveFocus();
  });

  it('leaves focus in a menu the user opened while the page was loading', async () => {
    const user = userEvent.setup();
    render(<Shell />);
    await user.click(screen.getByRole('button', { name: 'Account menu' }));
    screen.getByRole('link', { name: 'Account' }).focus();
    // The page finishes loading while the menu is open.
    screen.getByRole('button', { name: 'Finish loading' }).click();
    expect(await screen.findByRole('heading', { name: 'Welcome' })).not.toHaveFocus();
    expect(screen.getByRole('link', { name: 'Account' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Account menu' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });
});
