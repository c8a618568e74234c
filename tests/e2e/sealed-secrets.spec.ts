import { logInAsAgent, SUPPORT_SECRET } from './support/agent';
import { expect, test } from './support/test';

/** ADR 0028 in a real browser: what IndexedDB holds once a login has read and written a secret. */

const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('a login with the right code works while IndexedDB holds every TOTP secret sealed, under a key it cannot export', async ({
  page,
}) => {
  await logInAsAgent(page);

  const stored = await page.evaluate(
    () =>
      new Promise<{ secrets: unknown[]; keys: { extractable: boolean; algorithm: string }[] }>(
        (resolve, reject) => {
          const opening = indexedDB.open('guance-mock-server');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const tx = opening.result.transaction(['accounts', 'keys'], 'readonly');
            const accounts = tx.objectStore('accounts').getAll();
            const keys = tx.objectStore('keys').getAll();
            tx.oncomplete = () => {
              opening.result.close();
              resolve({
                secrets: (accounts.result as { v: { mfa: { secret: string } | null } }[]).map(
                  (row) => row.v.mfa?.secret ?? null,
                ),
                keys: (keys.result as CryptoKey[]).map((key) => ({
                  extractable: key.extractable,
                  algorithm: key.algorithm.name,
                })),
              });
            };
          };
        },
      ),
  );

  const bound = stored.secrets.filter((secret) => secret !== null);
  expect(bound.length).toBeGreaterThanOrEqual(2);
  for (const secret of bound) expect(secret).toMatch(/^v1:/);
  expect(JSON.stringify(stored.secrets)).not.toContain(SUPPORT_SECRET);
  expect(JSON.stringify(stored.secrets)).not.toContain(BOB_SECRET);
  expect(stored.keys).toEqual([{ extractable: false, algorithm: 'AES-GCM' }]);
});
