/**
 * GUARD-6: characters a file name loses before it is stored or shown: controls
 * (Cc), invisible format characters (Cf: bidirectional overrides and isolates
 * that make `report\u202Eexe.png` read as "reportgnp.exe", zero-width joiners,
 * the byte-order mark...), and line and paragraph separators. The server cleans
 * what it stores; a screen cleans a local file's name before showing it.
 */
const INVISIBLE_IN_NAMES = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A file name without any folder a browser may have sent, nor invisible characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(INVISIBLE_IN_NAMES, '').trim();
}
