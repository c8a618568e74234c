import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import styles from './disclosure-menu.module.css';

/**
 * A button that shows a panel of links and controls (the disclosure pattern:
 * Tab moves through it, Escape closes it and returns focus to the button).
 */
export function DisclosureMenu({
  trigger,
  children,
  placement = 'up',
  className,
}: {
  trigger: ReactNode;
  children: (close: () => void) => ReactNode;
  placement?: 'up' | 'down';
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return undefined;
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    }
    function onFocusOut(event: FocusEvent) {
      if (event.relatedTarget && !root.current?.contains(event.relatedTarget as Node))
        setOpen(false);
    }
    const element = root.current;
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    element?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      element?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className={[styles.root, className].filter(Boolean).join(' ')}
      // An open menu keeps focus when a page finishes loading behind it.
      data-holds-focus={open || undefined}
    >
      <button
        ref={button}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        {trigger}
      </button>
      <div id={panelId} className={`${styles.panel} ${styles[placement]}`} hidden={!open}>
        {open && children(() => setOpen(false))}
      </div>
    </div>
  );
}
