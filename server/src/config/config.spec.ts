import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

/** Parses `env` and returns the ConfigError it throws (fails when it does not throw one). */
function failureOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe('parseConfig', () => {
  it('has the documented defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ALLOWED_ORIGINS).toEqual([]);
    expect(config.LOADOUT_DEMO).toBeUndefined();
    expect(config.GRAPHQL_INTROSPECTION).toBe(true);
    expect(config.SESSION_TTL_DAYS).toBe(30);
    expect(config.TRUST_PROXY).toBe(false);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('treats empty variables as unset', () => {
    const config = parseConfig({ PORT: '', DATA_DIR: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(4000);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads valid values', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://loadout:secret@db:5432/loadout',
      DATA_DIR: '/var/lib/loadout',
      LOADOUT_DEMO: 'yes',
      GRAPHQL_INTROSPECTION: 'off',
      SESSION_TTL_DAYS: '7',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgresql://loadout:secret@db:5432/loadout',
      DATA_DIR: '/var/lib/loadout',
      LOADOUT_DEMO: true,
      GRAPHQL_INTROSPECTION: false,
      SESSION_TTL_DAYS: 7,
      TRUST_PROXY: true,
      LOG_LEVEL: 'warn',
    });
    expect(parseConfig({ DATABASE_URL: 'postgres://x/y' }).DATABASE_URL).toBe('postgres://x/y');
    expect(parseConfig({ LOADOUT_DEMO: 'false' }).LOADOUT_DEMO).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '99999'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOADOUT_DEMO', 'maybe'],
    ['GRAPHQL_INTROSPECTION', 'sometimes'],
    ['SESSION_TTL_DAYS', '0'],
    ['LOG_LEVEL', 'verbose'],
    ['PUBLIC_URL', 'not a url'],
    ['REDIS_URL', 'http://cache'],
  ])('%s=%s is a ConfigError naming the variable in one line', (name, value) => {
    const error = failureOf({ [name]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(300);
  });

  it('names the bad variable, not a good one next to it', () => {
    const error = failureOf({ PORT: '4000', DATABASE_URL: 'mysql://x', DATA_DIR: '/tmp' });
    expect(error.message).toMatch(/DATABASE_URL/);
    expect(error.message).not.toMatch(/\bPORT\b|DATA_DIR/);
  });

  it('parses ALLOWED_ORIGINS as a comma-separated list, trimming blanks', () => {
    expect(parseConfig({ ALLOWED_ORIGINS: 'https://a.example' }).ALLOWED_ORIGINS).toEqual(['https://a.example']);
    expect(parseConfig({ ALLOWED_ORIGINS: ' https://a.example , http://b.example:8080,, ' }).ALLOWED_ORIGINS).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(parseConfig({ ALLOWED_ORIGINS: ' , ' }).ALLOWED_ORIGINS).toEqual([]);
  });
});
