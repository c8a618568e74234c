import { describe, expect, it } from 'vitest';
import { getDomain } from '@/mocks/vendor/tldts-registrable-domain';

describe("the mock bundle's stand-in for tldts", () => {
  it('gives the last two labels of a name, as tldts does for ordinary names', () => {
    expect(getDomain('console.example.com')).toBe('example.com');
    expect(getDomain('a.b.example.com.')).toBe('example.com');
  });

  it('has no registrable domain for localhost, IP addresses or single labels', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', '::1', 'intranet', 'a..b']) {
      expect(getDomain(host)).toBeNull();
    }
  });
});
