import { paths } from '@/api/paths';

const patterns = Object.values(paths).map(({ pattern }) => ({
  pattern,
  regex: new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`),
}));

/**
 * The contract's route a path belongs to, with its parameters left as names,
 * so a log line names the endpoint without the ids in it (SERVER-10).
 */
export function routeOf(path: string): string | null {
  return patterns.find(({ regex }) => regex.test(path))?.pattern ?? null;
}

/** Every route of the contract a path fits, in the contract's order (`/tickets/export` fits `/tickets/:id` too). */
export function routesOf(path: string): string[] {
  return patterns.filter(({ regex }) => regex.test(path)).map(({ pattern }) => pattern);
}
