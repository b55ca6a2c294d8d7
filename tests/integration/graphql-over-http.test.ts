import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type HttpSession, type TestServer } from './support/harness.js';

/**
 * The graphql-http package's server audits (GraphQL over HTTP) against /graphql. Every MUST passes;
 * the SHOULD/MAY findings below are accepted on purpose, each with the reason.
 */
const APOLLO_400 =
  'Apollo Server 5 answers a request that never reached execution (parse, validation or variable ' +
  'coercion failure) with 400 for every accepted media type; the body still has the error with its ' +
  'code (BAD_USER_INPUT), which is what the error contract and Apollo Client read';
const ACCEPTED_WARNINGS: Record<string, string> = {
  'SHOULD use 200 status code on document parsing failure when accepting application/json': APOLLO_400,
  'SHOULD use 200 status code on document validation failure when accepting application/json': APOLLO_400,
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json': APOLLO_400,
};

let t: TestServer;
let admin: HttpSession;

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, 'admin@loadout.demo');
});
afterAll(async () => {
  await t?.stop();
});

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  it('passes every MUST; only the listed SHOULDs warn', async () => {
    // Signed in (every operation but appInfo/me needs a session); the audits are about the transport.
    const fetchFn: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', admin.cookie!);
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${t.url}/graphql`, fetchFn });
    const failures = results.filter((r) => r.status === 'error').map((r) => `${r.name}: ${r.reason}`);
    expect(failures).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).every((r) => r.status === 'ok')).toBe(true);
    const unexpected = results.filter((r) => r.status === 'warn' && !(r.name in ACCEPTED_WARNINGS));
    expect(unexpected.map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
  });
});
