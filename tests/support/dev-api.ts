import { expect } from 'vitest';
import { paths } from '@/api/paths';
import { type DevSettings, devStatusSchema } from '@/api/schemas/dev';
import type { MockApi } from './api-client';

/** The dev tools' network and clock switches as a fresh demo has them (MOCK-8). */
export const DEFAULT_SETTINGS: DevSettings = {
  latencyMs: 0,
  errorRate: 0,
  offline: false,
  clockOffsetMs: 0,
};

/** The switches as the status reports them now. */
export async function settingsOf(api: MockApi): Promise<DevSettings> {
  const response = await api.client().get(paths.devStatus.href);
  expect(response.status).toBe(200);
  return devStatusSchema.parse(response.body).settings;
}
