/**
 * GUARD-6: characters text loses before it is stored or shown: controls (Cc),
 * invisible format characters (Cf: bidirectional marks, overrides and isolates
 * that make `report\u202Eexe.png` read as "reportgnp.exe" or reorder what an
 * agent reads, zero-width spaces and joiners, the byte-order mark...), and
 * line and paragraph separators: the body of a character class, for `u`
 * expressions. Kept in one place so that file names, free text and the CSV
 * guard agree on what is invisible.
 */
export const INVISIBLE_CHARACTERS = String.raw`\p{Cc}\p{Cf}\p{Zl}\p{Zp}`;
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'gu');
/** The same, but for newline and tab, which lay out free text visibly. */
const INVISIBLE_IN_FREE_TEXT = new RegExp(`(?![\\n\\t])[${INVISIBLE_CHARACTERS}]`, 'gu');
/** Every way a line may end: stored as one newline, so no CR is left to drop. */
const LINE_ENDS = /\r\n?|[\u2028\u2029]/g;

/** The text without any invisible character: for a single line such as a file name. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Free text a person typed (a ticket's title, description, replies, a
 * rating's comment), as the server stores it: its lines and tabs kept, every
 * other invisible character gone, and every visible one, Chinese included, intact.
 */
export function cleanFreeText(text: string): string {
  return text.replace(LINE_ENDS, '\n').replace(INVISIBLE_IN_FREE_TEXT, '');
}
