import { describe, expect, it } from 'vitest';
import { buildWebSocketUrl } from './buildWebSocketUrl';

describe('buildWebSocketUrl', () => {
  it('uses ws: on http and keeps the port', () => {
    expect(buildWebSocketUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe(
      'ws://localhost:4000/graphql',
    );
  });

  it('uses wss: on https', () => {
    expect(buildWebSocketUrl({ protocol: 'https:', host: 'ops.example.com' }, '/x')).toBe(
      'wss://ops.example.com/x',
    );
  });
});
