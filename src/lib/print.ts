/** How long the hidden frame of a print job is kept; the print dialog has the document by then. */
export const PRINT_FRAME_LIFETIME_MS = 60_000;

/**
 * Prints a short text on its own, not the page around it: the text goes into a
 * hidden frame of this origin, as text (never markup), and the frame is printed.
 */
export function printText(title: string, text: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.append(frame);
  const view = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!view || !doc) {
    frame.remove();
    return;
  }
  doc.title = title;
  const pre = doc.createElement('pre');
  pre.style.font = '14pt/1.6 ui-monospace, monospace';
  pre.textContent = text;
  doc.body.append(pre);
  view.focus();
  view.print();
  setTimeout(() => frame.remove(), PRINT_FRAME_LIFETIME_MS);
}
