/**
 * Which words ship with the first screen (the login page and what frames it)
 * and which load after it paints: a key belongs to the first screen when its
 * namespace, the part before the first dot, is listed here, or when the key
 * itself is. The catalogues stay as they are written; the build splits each
 * language in two by this rule (scripts/vite/catalogue-parts.ts), so a string
 * added to a catalogue lands in the right part by its key alone.
 */
export const FIRST_SCREEN_NAMESPACES: readonly string[] = [
  'app',
  'common',
  'errors',
  'field',
  'language',
  'login',
];

/** Keys the login page shows from namespaces that are otherwise not its own. */
export const FIRST_SCREEN_KEYS: readonly string[] = [
  'forced.cancelledNotice',
  'reset.link',
  'shell.language',
];

export function onFirstScreen(key: string): boolean {
  const [namespace = ''] = key.split('.', 1);
  return FIRST_SCREEN_NAMESPACES.includes(namespace) || FIRST_SCREEN_KEYS.includes(key);
}
