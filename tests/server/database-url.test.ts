import { describe, expect, it } from 'vitest';
import { ConfigError, configFrom } from '../../server/config';

const secret = () => 'a-random-secret-of-enough-length-0123456789';

describe('DATABASE_URL (SERVER-8)', () => {
  it('selects PostgreSQL when set, and SQLite in DATA_DIR when not', () => {
    const url = 'postgres://console:pw@db.internal:5432/console';
    expect(configFrom({ DATABASE_URL: url }, secret).databaseUrl).toBe(url);
    expect(configFrom({ DATABASE_URL: 'postgresql://db/x' }, secret).databaseUrl).toBe(
      'postgresql://db/x',
    );
    expect(configFrom({}, secret).databaseUrl).toBeNull();
    expect(configFrom({ DATABASE_URL: '' }, secret).databaseUrl).toBeNull();
  });

  it('refuses anything else with one line naming the variable, never echoing its value', () => {
    for (const bad of ['mysql://u:hunter2@db/x', 'not a url hunter2']) {
      const attempt = () => configFrom({ DATABASE_URL: bad }, secret);
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/^DATABASE_URL must be a postgres:\/\/ URL/);
      expect(attempt).not.toThrow(/hunter2/);
    }
  });
});
