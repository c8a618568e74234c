import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  MAX_CLOCK_OFFSET_MS,
  MINUTE_MS,
  RETENTION_IDLE_MINUTES_DEFAULT,
  RETENTION_IDLE_MINUTES_MAX,
  RETENTION_IDLE_MINUTES_MIN,
  RETENTION_MAX_DAYS_DEFAULT,
  RETENTION_MAX_DAYS_MAX,
  RETENTION_MAX_DAYS_MIN,
} from '@/api/limits';

/**
 * SESSION-3: the README once promised 2 hours idle and a clock offset that could
 * not reach the retention time, long after the code had moved on. The figures a
 * reader relies on are read here from the prose and compared with the constants,
 * so a change to either side fails until the other follows.
 */

function read(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
}

/** Markdown with line breaks and emphasis flattened, so a figure split over lines still matches. */
function prose(path: string): string {
  return read(path).replace(/\*\*/g, '').replace(/\s+/g, ' ');
}

const DOCS = ['README.md', 'docs/api.md', 'docs/requirements.md'] as const;

/** The numbers a pattern captures in a document; the pattern must be there. */
function figures(path: string, pattern: RegExp): number[] {
  const match = pattern.exec(prose(path));
  expect(match, `${path} no longer says ${String(pattern)}`).not.toBeNull();
  return (match ?? []).slice(1).map((figure) => Number(figure.replace(/,/g, '')));
}

const MINUTES_PER_UNIT: Record<string, number> = { minute: 1, min: 1, hour: 60, h: 60 };

/** Every "N idle minutes", "N hours idle" or "N h idle" a document states, in minutes. */
function idleClaims(path: string): number[] {
  const claim = /\b(\d[\d,]*) ?(?:(minutes?|min|hours?|h) idle|idle (minutes?|hours?))\b/gi;
  return [...prose(path).matchAll(claim)].map(([, figure = '', before, after]) => {
    const unit = (before ?? after ?? '').toLowerCase().replace(/s$/, '');
    return Number(figure.replace(/,/g, '')) * (MINUTES_PER_UNIT[unit] ?? Number.NaN);
  });
}

const IDLE_FIGURES = [
  RETENTION_IDLE_MINUTES_MIN,
  RETENTION_IDLE_MINUTES_DEFAULT,
  RETENTION_IDLE_MINUTES_MAX,
];
const OFFSET_DAYS = MAX_CLOCK_OFFSET_MS / DAY_MS;

describe('the session figures in the README and docs (SESSION-3)', () => {
  it.each(DOCS)('%s names no idle time the retention setting cannot have', (path) => {
    for (const minutes of idleClaims(path)) expect(IDLE_FIGURES).toContain(minutes);
  });

  it('README: the default idle time and maximum age, and the range of each', () => {
    expect(idleClaims('README.md').length).toBeGreaterThan(0);
    expect(figures('README.md', /session ends after (\d+) idle minutes by default/)).toEqual([
      RETENTION_IDLE_MINUTES_DEFAULT,
    ]);
    expect(figures('README.md', /\((\d+) idle minutes and (\d+) days by default/)).toEqual([
      RETENTION_IDLE_MINUTES_DEFAULT,
      RETENTION_MAX_DAYS_DEFAULT,
    ]);
    expect(
      figures('README.md', /(\d[\d,]*) to (\d[\d,]*) idle minutes and (\d+) to (\d+) days/),
    ).toEqual([
      RETENTION_IDLE_MINUTES_MIN,
      RETENTION_IDLE_MINUTES_MAX,
      RETENTION_MAX_DAYS_MIN,
      RETENTION_MAX_DAYS_MAX,
    ]);
  });

  it('docs/api.md: the idle time and maximum age with their ranges and defaults', () => {
    expect(
      figures('docs/api.md', /`idleMinutes` after .{0,60}?\((\d+) to (\d+), default (\d+)\)/),
    ).toEqual([
      RETENTION_IDLE_MINUTES_MIN,
      RETENTION_IDLE_MINUTES_MAX,
      RETENTION_IDLE_MINUTES_DEFAULT,
    ]);
    expect(
      figures('docs/api.md', /`maxDays` after its login \((\d+) to (\d+), default (\d+)/),
    ).toEqual([RETENTION_MAX_DAYS_MIN, RETENTION_MAX_DAYS_MAX, RETENTION_MAX_DAYS_DEFAULT]);
    expect(figures('docs/api.md', /idle time \((\d+) to (\d+) min, default (\d+)\)/)).toEqual([
      RETENTION_IDLE_MINUTES_MIN,
      RETENTION_IDLE_MINUTES_MAX,
      RETENTION_IDLE_MINUTES_DEFAULT,
    ]);
    expect(figures('docs/api.md', /maximum \((\d+) to (\d+) days, default (\d+)/)).toEqual([
      RETENTION_MAX_DAYS_MIN,
      RETENTION_MAX_DAYS_MAX,
      RETENTION_MAX_DAYS_DEFAULT,
    ]);
  });

  it('docs/requirements.md: the idle timeout and maximum age with their defaults', () => {
    expect(
      figures('docs/requirements.md', /idle timeout \((\d+)-(\d+) minutes, default (\d+)\)/),
    ).toEqual([
      RETENTION_IDLE_MINUTES_MIN,
      RETENTION_IDLE_MINUTES_MAX,
      RETENTION_IDLE_MINUTES_DEFAULT,
    ]);
    expect(
      figures(
        'docs/requirements.md',
        /session age \((\d+)-(\d+) days, \d+ for none, default (\d+)\)/,
      ),
    ).toEqual([RETENTION_MAX_DAYS_MIN, RETENTION_MAX_DAYS_MAX, RETENTION_MAX_DAYS_DEFAULT]);
  });

  it('the clock offset reach the docs give is the constant', () => {
    expect(figures('README.md', /clock up to (\d+) days either way/)).toEqual([OFFSET_DAYS]);
    expect(figures('README.md', /clock offset, up to (\d+) days either way/)).toEqual([
      OFFSET_DAYS,
    ]);
    expect(figures('docs/api.md', /-?(\d+) to (\d+) \((\d+) days either way\)/)).toEqual([
      MAX_CLOCK_OFFSET_MS,
      MAX_CLOCK_OFFSET_MS,
      OFFSET_DAYS,
    ]);
  });

  it('no doc says the clock offset cannot reach the retention time, since it reaches past both limits', () => {
    expect(MAX_CLOCK_OFFSET_MS).toBeGreaterThan(RETENTION_IDLE_MINUTES_MAX * MINUTE_MS);
    expect(MAX_CLOCK_OFFSET_MS).toBeGreaterThan(RETENTION_MAX_DAYS_MAX * DAY_MS);
    for (const path of DOCS) {
      const sentences = prose(path).split(/(?<=[.;])\s/);
      const denials = sentences.filter(
        (sentence) =>
          /clock offset/i.test(sentence) &&
          /retention|idle|session/i.test(sentence) &&
          /\b(?:cannot|can't|does not|doesn't|never)\b/i.test(sentence),
      );
      expect(denials, path).toEqual([]);
    }
  });
});
