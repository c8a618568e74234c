import { matchRoutes, type RouteObject } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { appPaths } from '@/api/app-paths';
import { routes } from '@/app/router';

/** Ids a link must carry through as one segment each: a slash, a space, a percent sign. */
const AWKWARD_IDS = ['ws_demo', 'a/b', 'two words', '100%', 'ü?#'];

const entries = Object.entries(appPaths);

/** The params the router reads from a path, decoded as it decodes them. */
function paramsAt(pattern: string, path: string) {
  return matchRoutes([{ path: pattern }], path)?.[0]?.params ?? null;
}

function patternsOf(list: RouteObject[]): string[] {
  return list.flatMap((route) => [
    ...(route.path ? [route.path] : []),
    ...patternsOf(route.children ?? []),
  ]);
}

describe('the app paths (HOUSE rule 12)', () => {
  it.each(entries)('%s: the router matches what href builds', (_name, entry) => {
    if (typeof entry.href === 'string') {
      expect(paramsAt(entry.pattern, entry.href)).toEqual({});
      return;
    }
    const href = entry.href;
    for (const id of AWKWARD_IDS) {
      expect(Object.values(paramsAt(entry.pattern, href(id)) ?? {})).toEqual([id]);
    }
  });

  it('are the patterns the router matches, and nothing else is', () => {
    const patterns = new Set(entries.map(([, entry]) => entry.pattern));
    const routed = patternsOf(routes).filter((path) => path !== '*');
    expect(routed.filter((path) => !patterns.has(path as never))).toEqual([]);
    // Every entry but home (the console's index route) is a route of its own.
    expect([...patterns].filter((pattern) => !routed.includes(pattern))).toEqual([
      appPaths.home.pattern,
    ]);
  });
});
