import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/**
 * The lowest versions of the dependencies that face the network or build SQL that are free of the
 * published advisories below. `npm audit` needs the registry's bulk advisory endpoint, which the
 * build machines cannot reach, so the floor is asserted here against what is actually installed.
 */
const FLOOR: ReadonlyArray<{ name: string; min: string; why: string }> = [
  { name: 'ws', min: '8.17.1', why: 'CVE-2024-37890: a request with many headers crashes the server' },
  { name: 'graphql', min: '16.8.1', why: 'CVE-2023-26144: quadratic validation of overlapping fields' },
  { name: '@apollo/server', min: '5.0.0', why: 'the supported line; 4.x is end-of-life' },
  { name: 'express', min: '5.0.0', why: 'CVE-2024-43796 / CVE-2024-29041: redirect and open-redirect fixes' },
  { name: '@mikro-orm/core', min: '6.6.14', why: 'CVE-2026-34220 (crafted objects as raw SQL) and Utils.merge prototype pollution' },
  { name: '@mikro-orm/knex', min: '6.6.14', why: 'CVE-2026-44680: SQL injection through JSON-path keys' },
  { name: '@mikro-orm/postgresql', min: '6.6.14', why: 'same release line as core and knex' },
];

/** The version of the copy the server loads (found from its entry point: not every package exports package.json). */
function installedVersion(name: string): string {
  let folder = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (manifest.name === name) return manifest.version;
    } catch {
      // no package.json at this level
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`package.json of ${name} not found`);
    folder = parent;
  }
}

describe('dependency floor', () => {
  it.each(FLOOR)('$name is at least $min ($why)', ({ name, min }) => {
    const version = installedVersion(name);
    expect(semver.valid(version), `${name}@${version}`).not.toBeNull();
    expect(semver.gte(version, min), `${name}@${version} is below ${min}`).toBe(true);
  });

  it('graphql is installed once (the override in package.json), so no older copy hides underneath', () => {
    expect(installedVersion('graphql')).toBe(require('../../../package.json').overrides.graphql);
  });
});
