import { withoutInvisible } from './visible-text';

/**
 * GUARD-6: a file name loses any folder a browser may have sent, and every
 * invisible character (see visible-text.ts). The server cleans what it stores;
 * a screen cleans a local file's name before showing it.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return withoutInvisible(base).trim();
}
