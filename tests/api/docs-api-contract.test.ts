import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS } from '@/api/error-codes';
import { paths } from '@/api/paths';
import { AUDIT_EVENTS } from '@/api/schemas/mfa';
import { TICKET_EVENTS } from '@/api/schemas/tickets';
import { createBackend } from '@/backend/backend';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { memoryJar } from '@/backend/handlers/session-jar';
import { createMemoryStore } from '@/backend/store/memory-store';

/**
 * QUAL-4: `docs/api.md` is what a real backend team builds from, so every error
 * code, audit event and endpoint the code defines must be in it, and nothing it
 * names may be gone from the code. The lists come from the code at run time:
 * the contract's constants, and the mock server's own routes.
 */

const API_MD = readFileSync(fileURLToPath(new URL('../../docs/api.md', import.meta.url)), 'utf8');

function hasHeading(heading: string): boolean {
  return API_MD.split('\n').some((line) => line.trim() === heading);
}

/** The rows of the markdown table that follows a heading, as trimmed cells; none without it. */
function tableAfter(heading: string): string[][] {
  const lines = API_MD.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6} /.test(line)) break;
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
    // Skip the header and its `---` underline.
    if (rows.length === 0 && !cells[0]?.startsWith('`')) continue;
    if (cells.every((cell) => /^-+$/.test(cell))) continue;
    rows.push(cells);
  }
  return rows;
}

/** The `names` in backticks of a table's first column; one row may name several. */
function firstColumnNames(rows: string[][]): string[] {
  return rows.flatMap(([first = '']) =>
    [...first.matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
  );
}

describe('docs/api.md: error codes', () => {
  const rows = tableAfter('### Error codes');
  const documented = new Map(rows.map(([code = '', ...rest]) => [code.replace(/`/g, ''), rest]));

  it('has the table', () => {
    expect(hasHeading('### Error codes')).toBe(true);
  });

  it.each([...ERROR_CODES])('lists %s with its HTTP status and when it is answered', (code) => {
    const row = documented.get(code);
    expect(row, `docs/api.md "### Error codes" has no row for ${code}`).toBeDefined();
    const [status = '', when = ''] = row ?? [];
    const expected = code === 'NETWORK' ? '-' : String(ERROR_STATUS[code]);
    expect(status, `the status documented for ${code}`).toBe(expected);
    expect(when.length, `what ${code} means`).toBeGreaterThan(10);
  });

  it('lists no code that the contract does not have', () => {
    const known = new Set<string>(ERROR_CODES);
    expect([...documented.keys()].filter((code) => !known.has(code))).toEqual([]);
  });
});

describe('docs/api.md: audit events', () => {
  const rows = tableAfter('### Audit events');
  const documented = firstColumnNames(rows);

  it('has the table', () => {
    expect(hasHeading('### Audit events')).toBe(true);
  });

  it.each([...AUDIT_EVENTS])(
    'lists %s in a row of its own, with the answer and its detail',
    (event) => {
      const row = rows.find(([first]) => first === `\`${event}\``);
      expect(
        row,
        `docs/api.md "### Audit events" has no row of its own for ${event}`,
      ).toBeDefined();
      const [, when = '', answer = '', detail = ''] = row ?? [];
      expect(when.length, `when ${event} is recorded`).toBeGreaterThan(10);
      expect(answer, `the answer to the request that records ${event}`).toMatch(/\b[1-5]\d\d\b/);
      expect(detail, `the detail of ${event}`).not.toBe('');
    },
  );

  it('lists no event that the contract does not have', () => {
    const known = new Set<string>(AUDIT_EVENTS);
    expect(documented.filter((event) => !known.has(event))).toEqual([]);
  });

  it('spells out the same events in the audit list shape of GET /account/audit', () => {
    const shape = /type AuditEvent = \{[\s\S]*?\n {2}\};/.exec(API_MD)?.[0] ?? '';
    const named = [...shape.matchAll(/\| '([a-z_.]+)'/g)].map((match) => match[1]);
    expect([...named].sort()).toEqual([...AUDIT_EVENTS].sort());
  });

  it.each([...TICKET_EVENTS])('names the ticket conversation event %s', (event) => {
    expect(API_MD).toContain(`\`${event}\``);
  });
});

/** A route pattern as the docs write it: every parameter is `{id}`. */
function documentedPath(pattern: string): string {
  return pattern.replace(/:\w+/g, '{id}');
}

const PLACEHOLDER = 'PATH-PARAMETER';

/** A `paths` entry as a documented path, whether it is a string or a builder. */
function templateOf(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'function')
    return String(entry(PLACEHOLDER)).replaceAll(PLACEHOLDER, '{id}');
  if (typeof entry === 'object' && entry !== null && 'pattern' in entry)
    return documentedPath(String(entry.pattern));
  throw new Error(`unexpected paths entry: ${String(entry)}`);
}

describe('docs/api.md: endpoints', () => {
  const server = createBackend({ store: createMemoryStore(() => 0), clock: () => 0 });
  const routes = allHandlers({ server, jar: memoryJar(), origin: 'http://localhost' })
    .filter((handler): handler is HttpHandler => handler instanceof HttpHandler)
    .filter(
      (handler) =>
        typeof handler.info.method === 'string' &&
        typeof handler.info.path === 'string' &&
        !handler.info.path.endsWith('*'),
    )
    .map(
      (handler) => `${String(handler.info.method)} ${documentedPath(String(handler.info.path))}`,
    );
  const documented = [...API_MD.matchAll(/`((?:GET|POST|PUT|PATCH|DELETE) \/api\/[^`\s]*)`/g)].map(
    (match) => match[1]!,
  );

  it('finds the mock server routes to compare with', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('documents every route of the mock server as `METHOD /path`', () => {
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('documents every path of src/api/paths.ts.href with a method', () => {
    const missing = Object.entries(paths)
      .map(([name, entry]) => [name, templateOf(entry)] as const)
      .filter(([, path]) => !documented.some((endpoint) => endpoint.endsWith(` ${path}`)));
    expect(missing).toEqual([]);
  });

  it('documents no endpoint that the mock server does not have', () => {
    expect([...new Set(documented)].filter((endpoint) => !routes.includes(endpoint))).toEqual([]);
  });
});
