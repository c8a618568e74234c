/**
 * Stands in for `tldts` in the browser's mock bundle. MSW's cookie store
 * (tough-cookie) asks tldts for a host's registrable domain, and tldts carries
 * the whole public suffix list for it: about 300 kB of the mock's 490 kB
 * before minification. The in-browser mock never reads MSW's cookie store (each
 * tab keeps its session in its own jar, ADR 0003) and only ever runs on the
 * console's own origin, so the last two labels of a name are enough here.
 * Vitest and msw/node keep the real package.
 */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function getDomain(host: string): string | null {
  if (host.startsWith('[') || host.includes(':') || IPV4.test(host)) return null;
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return null;
  return labels.slice(-2).join('.');
}
