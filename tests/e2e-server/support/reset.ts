import { type APIRequestContext, expect } from '@playwright/test';

/** Each server journey starts from the seed: the server is shared by the project's tests, one at a time. */
export async function resetServer({ request }: { request: APIRequestContext }): Promise<void> {
  expect((await request.post('/api/dev/reset')).status()).toBe(204);
}
