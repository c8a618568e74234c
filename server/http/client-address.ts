/**
 * SERVER-9: the client's address for per-IP limits and the logs. Behind
 * `trustProxy` proxies, each appends the address it saw to X-Forwarded-For,
 * so the client is that many entries from the right; without trusted
 * proxies, the header is anyone's to write and is ignored.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | null,
  trustProxy: number,
): string {
  const direct = socketAddress ?? 'unknown';
  if (trustProxy === 0 || forwardedFor === null) return direct;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  return hops[hops.length - trustProxy] ?? hops[0] ?? direct;
}
