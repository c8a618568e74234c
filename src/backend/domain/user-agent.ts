import { USER_AGENT_MAX_LENGTH } from './limits';

/** What a session list shows of a device: the browser and the operating system, by name. */
export interface DeviceDescription {
  browser: string;
  os: string;
}

const UNKNOWN = 'Unknown';

/**
 * Checked in order, as browsers borrow each other's tokens: Edge and Opera
 * also say Chrome, Chromium says Chrome too, Chrome also says Safari. A
 * headless Chrome (an automated browser, a test) calls itself HeadlessChrome.
 */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\b(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\bChromium\/(\d+)/, 'Chromium'],
  [/\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

/** iOS and Android come first: their user agents also say Mac OS X and Linux. */
const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * SESSION-1: a readable name for the browser (with its major version) and the
 * operating system of a user agent. Unrecognised parts read "Unknown"; the
 * string itself is never shown, so nothing a client sends is echoed.
 */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  const ua = (userAgent ?? '').slice(0, USER_AGENT_MAX_LENGTH);
  let browser = UNKNOWN;
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? UNKNOWN;
  return { browser, os };
}
