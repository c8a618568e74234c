import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { DEMO_PASSWORD } from '@/backend/seed';
import { type ApiClient, expectError, setupMockApi } from '../support/api-client';
import { comparableState } from '../support/state-snapshot';

/**
 * MOCK-1 for the endpoints of SESSION-1, SESSION-3, PASSWORD-1 and PASSWORD-2:
 * bad input answers 400 VALIDATION_FAILED naming the field, changes nothing,
 * and echoes nothing back (MOCK-6). Each request is sent with the session the
 * endpoint expects, so it is the body that is judged.
 */
const api = setupMockApi();

const TEN_KB = 10 * 1024;
const MARKUP = '<img src=x onerror=alert(1)>';

type Case = readonly [label: string, body: unknown, fieldErrors: Record<string, string>];

interface Endpoint {
  method: 'POST' | 'PUT';
  path: string;
  caller: () => Promise<ApiClient>;
  cases: readonly Case[];
}

const RETENTION: Endpoint = {
  method: 'PUT',
  path: paths.accountRetention.href,
  caller: () => api.signedIn('alice@example.com'),
  cases: [
    ['no fields', {}, { idleMinutes: 'required', maxDays: 'required' }],
    ['idle below 30 minutes', { idleMinutes: 29, maxDays: 7 }, { idleMinutes: 'too_small' }],
    ['idle above 1440 minutes', { idleMinutes: 1441, maxDays: 7 }, { idleMinutes: 'too_big' }],
    ['a negative maximum', { idleMinutes: 30, maxDays: -1 }, { maxDays: 'too_small' }],
    ['a maximum above 7 days', { idleMinutes: 30, maxDays: 8 }, { maxDays: 'too_big' }],
    ['a fractional idle time', { idleMinutes: 30.5, maxDays: 7 }, { idleMinutes: 'invalid_type' }],
    ['a fractional maximum', { idleMinutes: 30, maxDays: 0.5 }, { maxDays: 'invalid_type' }],
    [
      'numbers as strings',
      { idleMinutes: '60', maxDays: '1' },
      {
        idleMinutes: 'invalid_type',
        maxDays: 'invalid_type',
      },
    ],
    [
      'null',
      { idleMinutes: null, maxDays: null },
      {
        idleMinutes: 'invalid_type',
        maxDays: 'invalid_type',
      },
    ],
    ['a huge number', { idleMinutes: 1e308, maxDays: 7 }, { idleMinutes: 'too_big' }],
    [
      'an extra field',
      { idleMinutes: 60, maxDays: 7, accountId: 'acc_owner' },
      {
        accountId: 'unrecognized_key',
      },
    ],
    ['not an object', [60, 7], { _: 'invalid_type' }],
  ],
};

const CHANGE_PASSWORD: Endpoint = {
  method: 'POST',
  path: paths.accountPassword.href,
  caller: () => api.signedIn('alice@example.com'),
  cases: [
    ['no fields', {}, { currentPassword: 'required', newPassword: 'required' }],
    [
      'an empty new password',
      { currentPassword: DEMO_PASSWORD, newPassword: '' },
      {
        newPassword: 'required',
      },
    ],
    [
      'a 10 kB new password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'x'.repeat(TEN_KB) },
      {
        newPassword: 'too_big',
      },
    ],
    [
      'a 10 kB current password',
      { currentPassword: 'x'.repeat(TEN_KB), newPassword: 'Fine-Password-1' },
      {
        currentPassword: 'too_big',
      },
    ],
    [
      'wrong types',
      { currentPassword: 1, newPassword: ['a'] },
      {
        currentPassword: 'invalid_type',
        newPassword: 'invalid_type',
      },
    ],
    [
      'a code of letters',
      { currentPassword: DEMO_PASSWORD, newPassword: 'Fine-Password-1', code: MARKUP },
      {
        code: 'invalid_format',
      },
    ],
    [
      'an extra field',
      { currentPassword: DEMO_PASSWORD, newPassword: 'Fine-Password-1', email: 'x@y.z' },
      {
        email: 'unrecognized_key',
      },
    ],
    [
      'a new password under 8 characters',
      { currentPassword: DEMO_PASSWORD, newPassword: 'Ab1!' },
      {
        newPassword: 'too_short',
      },
    ],
    [
      'the email as new password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'ALICE@example.com' },
      {
        newPassword: 'same_as_email',
      },
    ],
    [
      'a common password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'qwerty123' },
      {
        newPassword: 'common',
      },
    ],
  ],
};

const RESET_CODE: Endpoint = {
  method: 'POST',
  path: paths.passwordResetEmailCode.href,
  caller: async () => api.client(),
  cases: [
    ['no email', {}, { email: 'required' }],
    ['not an email', { email: MARKUP }, { email: 'invalid_format' }],
    ['a 10 kB email', { email: `${'a'.repeat(TEN_KB)}@example.com` }, { email: 'too_big' }],
    [
      'an extra field',
      { email: 'alice@example.com', purpose: 'bind' },
      {
        purpose: 'unrecognized_key',
      },
    ],
  ],
};

const RESET: Endpoint = {
  method: 'POST',
  path: paths.passwordReset.href,
  caller: async () => api.client(),
  cases: [
    ['no fields', {}, { email: 'required', code: 'required', newPassword: 'required' }],
    [
      'a 5-digit code',
      { email: 'alice@example.com', code: '12345', newPassword: 'Fine-Password-1' },
      {
        code: 'invalid_format',
      },
    ],
    [
      'a 10 kB new password',
      { email: 'alice@example.com', code: '123456', newPassword: 'y'.repeat(TEN_KB) },
      {
        newPassword: 'too_big',
      },
    ],
    [
      'a common new password',
      { email: 'alice@example.com', code: '123456', newPassword: 'password1' },
      {
        newPassword: 'common',
      },
    ],
    [
      'the email as new password, unknown email too',
      { email: 'nobody@example.com', code: '123456', newPassword: 'nobody@example.com' },
      {
        newPassword: 'same_as_email',
      },
    ],
  ],
};

describe.each([
  ['PUT /api/v1/account/retention', RETENTION],
  ['POST /api/v1/account/password', CHANGE_PASSWORD],
  ['POST /api/v1/password-reset/email-code', RESET_CODE],
  ['POST /api/v1/password-reset', RESET],
] as const)('%s refuses bad input (MOCK-1)', (_label, endpoint) => {
  it.each(endpoint.cases)('%s', async (_case, body, fieldErrors) => {
    const client = await endpoint.caller();
    const before = await comparableState(api.server);

    const response = await client.send(endpoint.method, endpoint.path, { json: body });

    const error = expectError(response, 'VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual(fieldErrors);
    expect(response.text).not.toContain(MARKUP);
    expect(response.text).not.toContain('x'.repeat(64));
    expect(await comparableState(api.server)).toBe(before);
  });

  it('refuses a body that is not JSON', async () => {
    const client = await endpoint.caller();
    const response = await client.send(endpoint.method, endpoint.path, { raw: '{"email":' });
    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({ _: 'invalid_json' });
  });
});

describe('DELETE /api/v1/account/sessions/{id} with a session id that names nothing', () => {
  it.each([
    ['a 10 kB id', 'ses_'.padEnd(TEN_KB, 'z')],
    ['markup', MARKUP],
    ['path traversal', '../session'],
  ])('answers 404 for %s and ends nothing', async (_label, id) => {
    const alice = await api.signedIn('alice@example.com');
    const other = await api.signedIn('alice@example.com');

    const response = await alice.delete(paths.accountSession.href(id));

    expectError(response, 'NOT_FOUND');
    expect(response.text).not.toContain(MARKUP);
    expect((await other.get(paths.account.href)).status).toBe(200);
  });
});
