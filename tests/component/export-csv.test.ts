import { describe, expect, it } from 'vitest';
import { csvField, isoWithOffset } from '@/lib/csv';

describe('csvField: no exported cell runs as a formula', () => {
  it.each([
    ['plain text', 'Charts are empty', 'Charts are empty'],
    ['a comma', 'a, b', '"a, b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a plus', '+1 555', "'+1 555"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a full-width equals sign', '\uFF1DHYPERLINK(1)', "'\uFF1DHYPERLINK(1)"],
    ['a full-width plus', '\uFF0B1', "'\uFF0B1"],
    ['a formula after a semicolon', 'safe;=cmd()', `"safe;'=cmd()"`],
    ['a formula after a tab', 'safe\t-1+2', `"safe\t'-1+2"`],
    ['a semicolon alone', 'a;b', '"a;b"'],
    ['a formula behind a right-to-left override', '\u202E=1+1', "'\u202E=1+1"],
    ['a formula behind a NUL', '\u0000=1+1', "'\u0000=1+1"],
    ['an at sign behind a zero-width space', '\u200B@SUM(1)', "'\u200B@SUM(1)"],
    ['a tab behind a NUL', '\u0000\t1', `"'\u0000\t1"`],
    ['a formula behind spaces', '  -1+2', "'  -1+2"],
    ['a formula behind an isolate after a semicolon', 'safe;\u2066=cmd()', `"safe;'\u2066=cmd()"`],
    ['a letter behind a zero-width space', '\u200BCharts =1', '\u200BCharts =1'],
    ['text that starts with a letter', 'Hello =world', 'Hello =world'],
  ])('%s', (_, value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('isoWithOffset: dates in the CSV are ISO 8601 with the offset', () => {
  it('writes the local time and its offset', () => {
    const value = isoWithOffset('2026-12-01T15:11:20.123Z');
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    // Whatever the zone, it names the same instant.
    expect(Date.parse(value)).toBe(Date.parse('2026-12-01T15:11:20Z'));
  });
});
