import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * HOUSE rule 9: a requirement ID cited in the code or the tests can be looked up
 * in docs/requirements.md. The citations are found by scanning the source, so a
 * new ID in a comment fails here until it is explained (this file names none).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['src', 'server', 'tests'];

/** The spec's ID prefixes; other `WORD-1` strings (UTF-8, SHA-256) are not requirements. */
const PREFIXES = [
  'SHELL',
  'LOGIN',
  'SEC',
  'BIND',
  'CODE',
  'UNBIND',
  'MANDATORY',
  'TICKET',
  'MOCK',
  'QUAL',
  'RECOVERY',
  'SESSION',
  'PASSWORD',
  'LOG',
  'GUARD',
  'SERVER',
  'DRIFT',
  'POSTURE',
  'REMEMBER',
  'KEY',
] as const;
const CITATION = new RegExp(`\\b(?:${PREFIXES.join('|')})-\\d+\\b`, 'g');
/** One line per ID: `- **LOGIN-5**: what it asks, in our words.` */
const ENTRY = /^- \*\*([A-Z]+-\d+)\*\*: (.*)$/gm;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each cited ID with the first file that cites it. */
function citations(): Map<string, string> {
  const cited = new Map<string, string>();
  for (const file of SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir))).sort()) {
    for (const [id] of readFileSync(file, 'utf8').matchAll(CITATION)) {
      if (!cited.has(id)) cited.set(id, relative(ROOT, file));
    }
  }
  return cited;
}

const REQUIREMENTS = readFileSync(join(ROOT, 'docs/requirements.md'), 'utf8');
const entries = [...REQUIREMENTS.matchAll(ENTRY)].map(([, id = '', text = '']) => ({ id, text }));
const listed = new Set(entries.map((entry) => entry.id));

describe('docs/requirements.md', () => {
  const cited = citations();

  it('finds the citations to check', () => {
    expect(cited.size).toBeGreaterThan(20);
  });

  it('lists every requirement ID that src/ or tests/ cite', () => {
    const missing = [...cited]
      .filter(([id]) => !listed.has(id))
      .map(([id, file]) => `${id} (cited in ${file})`);
    expect(missing, 'cited IDs missing from docs/requirements.md').toEqual([]);
  });

  it('lists each ID once, with a line that says what it asks', () => {
    const seen = new Set<string>();
    const duplicates = entries
      .filter(({ id }) => seen.has(id) || !seen.add(id))
      .map(({ id }) => id);
    expect(duplicates).toEqual([]);
    expect(entries.filter(({ text }) => text.trim().length < 20).map(({ id }) => id)).toEqual([]);
  });

  it('lists only IDs with a known prefix', () => {
    const prefixes = new Set<string>(PREFIXES);
    expect(
      entries.map(({ id }) => id).filter((id) => !prefixes.has(id.replace(/-\d+$/, ''))),
    ).toEqual([]);
  });
});
