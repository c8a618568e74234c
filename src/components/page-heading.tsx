import { type ReactNode, useEffect, useRef } from 'react';
import { BRAND_NAME } from '@/lib/brand';

/** Where focus is the user's own choice, which a page that finishes loading must not take away. */
const HOLDS_FOCUS = '[data-holds-focus], dialog[open]';
const FIELD = 'input, textarea, select';

/** Moves focus to a new page's or step's heading, unless the user is in an open menu or dialog. */
function takeFocus(heading: HTMLHeadingElement | null): void {
  if (document.activeElement?.closest(HOLDS_FOCUS)) return;
  heading?.focus({ preventScroll: true });
}

/**
 * An h1 that takes focus when it appears or changes, so keyboard and screen
 * reader users start at the top of each new page or step (QUAL-2); it names the tab too.
 */
export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(false);
  const text = typeof children === 'string' ? children : null;
  useEffect(() => {
    // A heading renamed by the user's own switch (a code field swapped for
    // another) leaves focus in the field that switch put it in.
    const renamedAroundAField = shown.current && document.activeElement?.matches(FIELD);
    if (!renamedAroundAField) takeFocus(heading.current);
    shown.current = true;
    document.title = text ? `${text} · ${BRAND_NAME}` : BRAND_NAME;
  }, [text]);
  return (
    <h1 ref={heading} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}

/**
 * A step's h2, focused when the step appears, so each wizard step starts at its
 * heading (QUAL-2).
 */
export function StepHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    takeFocus(heading.current);
  }, []);
  return (
    <h2 ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}
