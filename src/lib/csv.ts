import { INVISIBLE_CHARACTERS } from '@/api/visible-text';

/** Excel reads UTF-8 (Chinese titles) only with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * What a spreadsheet may read as the start of a formula: = + - @, tab and
 * carriage return, and their full-width forms, which some spreadsheets fold
 * into the ASCII ones.
 */
const FORMULA_SIGNS = String.raw`=+\-@\uFF1D\uFF0B\uFF0D\uFF20`;
/**
 * What may stand before a formula sign and not count as the cell's first
 * character: invisible characters (a spreadsheet may drop them, and a person
 * does not see them) and spaces (some importers trim them), but for tab and
 * CR, which are formula starts themselves.
 */
const UNSEEN = String.raw`(?:(?![\t\r])[${INVISIBLE_CHARACTERS}\p{Zs}])*`;
const FORMULA_START = new RegExp(`^${UNSEEN}[${FORMULA_SIGNS}\\t\\r]`, 'u');
/** Where a spreadsheet set to another list separator would start a new cell. */
const OTHER_SEPARATORS = new RegExp(`([;\\t|])(?=${UNSEEN}[${FORMULA_SIGNS}])`, 'gu');

/**
 * One CSV field (RFC 4180) that no spreadsheet runs as a formula: a value
 * whose first visible character starts one gets a leading apostrophe, so does
 * every part after a `;`, tab or `|` (a spreadsheet set to that separator
 * would start a cell there), and such a value is quoted so it stays one cell.
 */
export function csvField(value: string): string {
  const safe = (FORMULA_START.test(value) ? `'${value}` : value).replace(OTHER_SEPARATORS, "$1'");
  return /[",;\t|\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** ISO 8601 in the user's time zone, with its offset: `2026-12-01T23:11:20+08:00`. */
export function isoWithOffset(iso: string): string {
  const date = new Date(iso);
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/**
 * A whole CSV file as a spreadsheet opens it: the byte-order mark, every field
 * through csvField, CRLF line ends (RFC 4180).
 */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
