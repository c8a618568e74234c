import { useEffect, useRef, type ReactNode } from 'react';
import { BRAND_NAME } from '@/lib/brand';

/**
 * An h1 that takes focus when it appears or changes, so keyboard and screen
 * reader users start at the top of each new page or step (QUAL-2); it names the tab too.
 */
export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const text = typeof children === 'string' ? children : null;
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
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
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h2 ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}
