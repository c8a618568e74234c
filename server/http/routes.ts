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
