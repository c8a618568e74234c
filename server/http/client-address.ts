/** What the logs and limits count a request by when the socket gave no address. */
const UNKNOWN_ADDRESS = 'unknown';

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
  const direct = socketAddress ?? UNKNOWN_ADDRESS;
  if (trustProxy === 0 || forwardedFor === null) return direct;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  return hops[hops.length - trustProxy] ?? hops[0] ?? direct;
}

/**
 * SESSION-1: the header that carries the client's address from the HTTP layer
 * to the handlers. The server sets it on every API request, over whatever a
 * client sent under that name, so the handlers can trust it.
 */
const CLIENT_ADDRESS_HEADER = 'x-console-client-address';

/** The request the handlers see: the same one, with the address the server settled. */
export function withClientAddress(request: Request, address: string): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (address !== UNKNOWN_ADDRESS) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(request.url, {
    method: request.method,
    headers,
    body: request.body,
    signal: request.signal,
    // A streamed body is passed on as it arrives (GUARD-5 reads it against a cap).
    ...(request.body ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** What withClientAddress set, for the handlers (HandlerDeps.clientAddressOf). */
export function clientAddressFromHeader(request: Request): string | null {
  return request.headers.get(CLIENT_ADDRESS_HEADER);
}
