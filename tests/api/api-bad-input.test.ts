import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_OFFSET_MS, MAX_ERROR_RATE, MAX_LATENCY_MS, SECOND_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { errorBodySchema } from '@/api/schemas/common';
import { IDLE_SLIDE_STEP_MS } from '@/backend/domain/retention';
import { BOB_TOTP_SECRET, DEMO_PASSWORD } from '@/backend/seed';
import { type ApiClient, expectError, setupMockApi } from '../support/api-client';
import { expectNoEcho, MARKUP, submittedStrings, TEN_KB } from '../support/bad-input';
import { START_MS } from '../support/fake-clock';
import { latestEmailCode, totpAt, wrongCodes } from '../support/mfa';
import { comparableState } from '../support/state-snapshot';

/**
 * MOCK-1: every endpoint that reads a body or a path parameter answers bad
 * input with 400 VALIDATION_FAILED and field errors, changes nothing, echoes
 * nothing back (MOCK-6), and never crashes. Each request is sent with the
 * session the endpoint expects, so it is the body that is judged.
 */
const api = setupMockApi();

const CONTROL_CHARACTERS = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['an ANSI colour escape', '\u001b[31m'],
  ['CR LF', '\r\n'],
] as const;

/** How a field is checked, which decides what counts as bad input for it. */
type FieldKind =
  | 'code'
  | 'workspaceId'
  | 'email'
  | 'password'
  | 'boolean'
  | 'latencyMs'
  | 'errorRate'
  | 'clockOffsetMs';

type BadValue = readonly [label: string, value: unknown];

/** Every JSON type but the valid value's own. */
function wrongTypes(valid: unknown): BadValue[] {
  const candidates: BadValue[] = [
    ['a number', 123456],
    ['a boolean', true],
    ['a string', 'true'],
    ['null', null],
    ['an array', [valid]],
    ['an object', { value: valid }],
  ];
  return candidates.filter(([, value]) => value === null || typeof value !== typeof valid);
}

/** Values of the right JSON type that the field's schema must refuse. */
function badValues(kind: FieldKind): BadValue[] {
  switch (kind) {
    case 'code':
      return [
        ['an empty string', ''],
        ['only spaces', '      '],
        ['a 10 kB string', '7'.repeat(TEN_KB)],
        ...CONTROL_CHARACTERS.map(([label, character]): BadValue => [
          `${label} inside`,
          `123${character}456`,
        ]),
        ['a trailing CR LF', '123456\r\n'],
        ['5 digits', '12345'],
        ['7 digits', '1234567'],
        ['a letter among digits', '12a456'],
        ['letters only', 'abcdef'],
        ['a space inside', '123 456'],
        ['Arabic-Indic digits', '١٢٣٤٥٦'],
        ['full-width digits', '１２３４５６'],
        ['markup', MARKUP],
      ];
    case 'workspaceId':
      return [
        ['an empty string', ''],
        ['a 10 kB string', `ws_${'w'.repeat(TEN_KB)}`],
        ...CONTROL_CHARACTERS.map(([label, character]): BadValue => [
          `${label} inside`,
          `ws_${character}demo`,
        ]),
        ['Arabic-Indic digits', 'ws_١٢٣٤٥٦'],
        ['a path', '../ws_secure'],
        ['markup', MARKUP],
      ];
    case 'email':
      return [
        ['an empty string', ''],
        ['only spaces', '   '],
        ['a 10 kB string', `${'a'.repeat(TEN_KB)}@example.com`],
        ...CONTROL_CHARACTERS.map(([label, character]): BadValue => [
          `${label} inside`,
          `owner${character}@example.com`,
        ]),
        ['Arabic-Indic digits', '١٢٣٤٥٦@example.com'],
        ['markup', MARKUP],
      ];
    case 'password':
      // Any other string may be somebody's password, so only its length is checked.
      return [
        ['an empty string', ''],
        ['a 10 kB string', `${'p'.repeat(TEN_KB)}`],
      ];
    case 'boolean':
      return [
        ['the string "false"', 'false'],
        ['0', 0],
        ['markup', MARKUP],
      ];
    case 'latencyMs':
      return [
        ['a negative number', -1],
        ['one more than the maximum', MAX_LATENCY_MS + 1],
        ['a fraction', 1.5],
        ['a numeric string', '100'],
        ['markup', MARKUP],
      ];
    case 'errorRate':
      return [
        ['a negative number', -0.1],
        ['more than the maximum', MAX_ERROR_RATE + 0.01],
        ['a numeric string', '0.1'],
        ['markup', MARKUP],
      ];
    case 'clockOffsetMs':
      return [
        ['one past the maximum', MAX_CLOCK_OFFSET_MS + 1],
        ['one past the minimum', -MAX_CLOCK_OFFSET_MS - 1],
        ['a fraction', 0.5],
        ['a 10 kB string', '9'.repeat(TEN_KB)],
        ['markup', MARKUP],
      ];
  }
}

interface Endpoint {
  method: 'POST' | 'PUT';
  path: string;
  /** A body the schema accepts; every case below breaks exactly one thing in it. */
  valid: Record<string, unknown>;
  fields: Record<string, FieldKind>;
  /** A browser holding the session the endpoint expects, the server in the state it acts on. */
  prepare: () => Promise<ApiClient>;
}

interface Case {
  label: string;
  /** Sent as JSON, or verbatim when `raw`. */
  body?: unknown;
  raw?: string;
  /** The one key fieldErrors must name. */
  field: string;
}

function casesFor(endpoint: Endpoint): Case[] {
  const cases: Case[] = [];
  for (const [field, kind] of Object.entries(endpoint.fields)) {
    const { [field]: valid, ...others } = endpoint.valid;
    cases.push({ label: `${field}: missing`, body: others, field });
    for (const [label, value] of [...wrongTypes(valid), ...badValues(kind)]) {
      cases.push({
        label: `${field}: ${label}`,
        body: { ...endpoint.valid, [field]: value },
        field,
      });
    }
  }
  const [firstField = 'field'] = Object.keys(endpoint.fields);
  cases.push(
    { label: 'an extra field', body: { ...endpoint.valid, role: 'admin' }, field: 'role' },
    {
      label: 'an extra field named like a built-in',
      body: { ...endpoint.valid, constructor: 'x' },
      field: 'constructor',
    },
    { label: 'invalid JSON', raw: `{"${firstField}":`, field: '_' },
    { label: 'a form-encoded body', raw: `${firstField}=1`, field: '_' },
    { label: 'an empty body', raw: '', field: '_' },
    { label: 'a body of spaces', raw: '   ', field: '_' },
    { label: 'a JSON array body', raw: '[]', field: '_' },
    { label: 'the valid body inside an array', raw: JSON.stringify([endpoint.valid]), field: '_' },
    { label: 'JSON null', raw: 'null', field: '_' },
    { label: 'a JSON string', raw: JSON.stringify('123456'), field: '_' },
    { label: 'a JSON number', raw: '42', field: '_' },
  );
  return cases;
}

async function activeBob(): Promise<ApiClient> {
  const bob = await api.signedIn('bob@example.com');
  const verified = await bob.post(paths.sessionMfa.href, {
    code: totpAt(BOB_TOTP_SECRET, api.time.now),
  });
  expect(verified.status, verified.text).toBe(200);
  return bob;
}

/** Alice signed in, an email code for the bind wizard on its way. */
async function aliceAwaitingIdentity(): Promise<ApiClient> {
  const alice = await api.signedIn('alice@example.com');
  const sent = await alice.post(paths.enrollmentEmailCode.href);
  expect(sent.status, sent.text).toBe(200);
  return alice;
}

/** Alice with a pending secret, one code away from binding. */
async function aliceAwaitingConfirm(): Promise<ApiClient> {
  const alice = await aliceAwaitingIdentity();
  const outbox = await api.server.run((state) => structuredClone(state.outbox));
  const identity = await alice.post(paths.enrollmentIdentity.href, {
    code: latestEmailCode(outbox, 'alice@example.com'),
  });
  expect(identity.status, identity.text).toBe(204);
  const secret = await alice.post(paths.enrollmentSecret.href);
  expect(secret.status, secret.text).toBe(200);
  return alice;
}

/** A 6-digit code that is certainly not bob's, so a valid-shape body cannot verify. */
const [NOT_BOBS_CODE = '000000'] = wrongCodes(BOB_TOTP_SECRET, START_MS, 1);

const ENDPOINTS: ReadonlyArray<readonly [label: string, endpoint: Endpoint]> = [
  [
    'POST /api/v1/session',
    {
      method: 'POST',
      path: paths.session.href,
      valid: { email: 'owner@example.com', password: DEMO_PASSWORD },
      fields: { email: 'email', password: 'password' },
      // A browser that already holds a session: a refused login must not end it.
      prepare: () => api.signedIn('alice@example.com'),
    },
  ],
  [
    'PUT /api/v1/session/workspace',
    {
      method: 'PUT',
      path: paths.sessionWorkspace.href,
      valid: { workspaceId: 'ws_demo' },
      fields: { workspaceId: 'workspaceId' },
      prepare: () => api.signedIn('owner@example.com'),
    },
  ],
  [
    'POST /api/v1/session/mfa',
    {
      method: 'POST',
      path: paths.sessionMfa.href,
      valid: { code: NOT_BOBS_CODE },
      fields: { code: 'code' },
      prepare: () => api.signedIn('bob@example.com'),
    },
  ],
  [
    'POST /api/v1/mfa/enrollment/identity',
    {
      method: 'POST',
      path: paths.enrollmentIdentity.href,
      valid: { code: '000000' },
      fields: { code: 'code' },
      prepare: aliceAwaitingIdentity,
    },
  ],
  [
    'POST /api/v1/mfa/enrollment/confirm',
    {
      method: 'POST',
      path: paths.enrollmentConfirm.href,
      valid: { code: '000000' },
      fields: { code: 'code' },
      prepare: aliceAwaitingConfirm,
    },
  ],
  [
    'POST /api/v1/account/mfa/unbind',
    {
      method: 'POST',
      path: paths.unbindMfa.href,
      valid: { code: NOT_BOBS_CODE },
      fields: { code: 'code' },
      prepare: activeBob,
    },
  ],
  [
    'PUT /api/v1/workspaces/:workspaceId/security',
    {
      method: 'PUT',
      path: paths.workspaceSecurity.href('ws_demo'),
      valid: { mfaRequired: false },
      fields: { mfaRequired: 'boolean' },
      prepare: () => api.signedIn('owner@example.com'),
    },
  ],
  [
    'PUT /api/dev/settings',
    {
      method: 'PUT',
      path: paths.devSettings.href,
      valid: { latencyMs: 0, errorRate: 0, offline: false, clockOffsetMs: 0 },
      fields: {
        latencyMs: 'latencyMs',
        errorRate: 'errorRate',
        offline: 'boolean',
        clockOffsetMs: 'clockOffsetMs',
      },
      prepare: async () => api.client(),
    },
  ],
];

describe.each(ENDPOINTS)('%s with bad input (MOCK-1)', (_label, endpoint) => {
  it('takes the valid body past validation, with the prepared session', async () => {
    const client = await endpoint.prepare();

    const response = await client.send(endpoint.method, endpoint.path, { json: endpoint.valid });

    const parsed = errorBodySchema.safeParse(response.body);
    const code = parsed.success ? parsed.data.error.code : null;
    expect(code, response.text).not.toBe('VALIDATION_FAILED');
    expect(response.status, response.text).toBeLessThan(500);
  });

  it.each(casesFor(endpoint))(
    'answers 400 naming the field for $label, and changes nothing',
    async ({ body, raw, field }) => {
      const client = await endpoint.prepare();
      const cookie = client.cookie;
      // Time passes, so a session that slid on this request would show it.
      api.time.advance(SECOND_MS);
      const before = await comparableState(api.server);

      const response = await client.send(
        endpoint.method,
        endpoint.path,
        raw === undefined ? { json: body } : { raw },
      );

      const error = expectError(response, 'VALIDATION_FAILED');
      expect(Object.keys(error.fieldErrors ?? {}), response.text).toEqual([field]);
      expectNoEcho(response, submittedStrings(body));
      expect(client.cookie).toBe(cookie);
      expect(await comparableState(api.server)).toBe(before);
    },
  );
});

describe('the state comparison used above', () => {
  it('sees a refused request that is recorded: a wrong code of the right shape', async () => {
    const bob = await api.signedIn('bob@example.com');
    const before = await comparableState(api.server);

    expectError(await bob.post(paths.sessionMfa.href, { code: NOT_BOBS_CODE }), 'INVALID_CODE');

    expect(await comparableState(api.server)).not.toBe(before);
  });

  it('ignores only the sliding expiry of an active session', async () => {
    const owner = await api.signedIn('owner@example.com');
    // Far enough for the idle expiry to slide (SESSION-3's step).
    api.time.advance(IDLE_SLIDE_STEP_MS);
    const before = await comparableState(api.server);
    const rawBefore = await api.server.run((state) => JSON.stringify(state.sessions));

    expect((await owner.get(paths.account.href)).status).toBe(200);

    expect(await api.server.run((state) => JSON.stringify(state.sessions))).not.toBe(rawBefore);
    expect(await comparableState(api.server)).toBe(before);
  });
});
