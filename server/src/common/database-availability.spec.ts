import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-availability.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a connection exception (SQLSTATE 08006)', withCode('08006')],
    ['an administrator shutdown (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['too many connections (53300)', withCode('53300')],
    ['a pool timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ['a connect timeout', new Error('timeout expired')],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a transaction ended by its failed connection', new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['one wrapped in a cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
    ['one wrapped as originalError', Object.assign(new Error('wrapped'), { originalError: new Error('Connection terminated') })],
  ])('%s is unavailability', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', withCode('42601', 'syntax error at or near "selec"')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s is not', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
