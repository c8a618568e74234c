import { describe, expect, it } from 'vitest';
import { expectError, setupMockApi } from '../support/api-client';

const api = setupMockApi();

describe('paths that are not valid percent-encoding', () => {
  it.each([
    '/api/v1/session%',
    '/api/v1/workspaces/%',
    '/api/v1/workspaces/%E0%A4%A/members',
    '/api/dev/%zz',
  ])('answer %s with 404 NOT_FOUND, not a crash', async (path) => {
    const owner = await api.signedIn('owner@example.com');
    const response = await owner.get(path);
    expectError(response, 'NOT_FOUND');
    expect(response.text).not.toMatch(/URIError|at .*\.ts/);
  });
});

describe('field errors', () => {
  it('name a field called __proto__ like any other unknown field', async () => {
    const client = api.client();
    const response = await client.send('POST', '/api/v1/session', {
      raw: '{"email":"alice@example.com","password":"x","__proto__":{"x":1}}',
    });
    expectError(response, 'VALIDATION_FAILED');
    expect(response.text).toContain('"__proto__":"unrecognized_key"');
  });
});
