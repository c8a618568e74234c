import type { RememberedBrowser } from '@/api/schemas/remember';
import type { RememberedBrowserRecord } from './state';
import { describeUserAgent } from './user-agent';
import { iso } from './views';

/** REMEMBER-1: a remembered browser as Security Settings shows it; the user agent only as names. */
export function rememberedBrowserView(
  browser: RememberedBrowserRecord,
  currentId: string | null,
): RememberedBrowser {
  const device = describeUserAgent(browser.userAgent);
  return {
    id: browser.id,
    browser: device.browser,
    os: device.os,
    rememberedAt: iso(browser.createdAt),
    lastUsedAt: iso(browser.lastUsedAt),
    expiresAt: iso(browser.expiresAt),
    current: browser.id === currentId,
  };
}
