import { appPaths, RETURN_TO_PARAM } from '@/api/app-paths';

/** The query parameter of the login page that holds where to go after it (LOGIN-6). */

/**
 * Characters a path of this app never holds and a URL parser may drop or
 * reinterpret: C0 and C1 controls, spaces of every kind, invisible format
 * characters, and the backslash that browsers read as a slash.
 */
const UNSAFE_IN_PATH =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;
/** Encoded layers a crafted value may hide behind before it is judged. */
const MAX_DECODINGS = 3;
const PROBE_ORIGIN = 'https://console.invalid';

/** The value and what it decodes to, layer by layer; null when it does not decode. */
function decodings(value: string): string[] | null {
  const layers = [value];
  for (let layer = 0; layer < MAX_DECODINGS; layer++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(layers[layers.length - 1]!);
    } catch {
      return null;
    }
    if (decoded === layers[layers.length - 1]) break;
    layers.push(decoded);
  }
  return layers;
}

/**
 * LOGIN-6, GUARD-3: where to go after logging in. Only a path of this app is
 * kept: one leading `/` not followed by another `/` or `\`, and no control or
 * whitespace character anywhere, raw or encoded. Anything else is refused, and
 * the caller falls back to the home page.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value) return null;
  const layers = decodings(value);
  if (!layers) return null;
  for (const layer of layers) {
    if (!layer.startsWith('/') || layer[1] === '/' || UNSAFE_IN_PATH.test(layer)) return null;
  }
  if (new URL(value, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return null;
  if (value.startsWith(appPaths.login.href)) return null;
  return value;
}

/** The login page, told where to go after it unless that is the home page anyway. */
export function loginPathFor(returnTo: string): string {
  const safe = safeReturnTo(returnTo);
  if (!safe || safe === appPaths.home.href) return appPaths.login.href;
  return `${appPaths.login.href}?${RETURN_TO_PARAM}=${encodeURIComponent(safe)}`;
}
