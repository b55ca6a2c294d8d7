import { describe, expect, it } from 'vitest';
import {
  initialRealtimeState,
  reduceRealtimeStatus,
  type RealtimeEvent,
  type RealtimeState,
} from './reduceRealtimeStatus';

function run(events: RealtimeEvent[], state: RealtimeState = initialRealtimeState): RealtimeState {
  return events.reduce(reduceRealtimeStatus, state);
}

describe('reduceRealtimeStatus', () => {
  it('connects', () => {
    expect(run([{ type: 'connecting', isRetry: false }]).status).toBe('connecting');
    expect(run([{ type: 'connecting', isRetry: false }, { type: 'connected' }]).status).toBe(
      'connected',
    );
  });

  it('shows reconnecting from a lost connection until connected again', () => {
    const lost = run([
      { type: 'connecting', isRetry: false },
      { type: 'connected' },
      { type: 'closed', code: 1006 },
    ]);
    expect(lost.status).toBe('reconnecting');
    const retrying = run([{ type: 'connecting', isRetry: true }], lost);
    expect(retrying.status).toBe('reconnecting');
    expect(run([{ type: 'closed', code: 1006 }], retrying).status).toBe('reconnecting');
    expect(run([{ type: 'connected' }], retrying).status).toBe('connected');
  });

  it('treats a normal closure as idle', () => {
    expect(run([{ type: 'connected' }, { type: 'closed', code: 1000 }]).status).toBe('idle');
  });

  it('does not show reconnecting for a deliberate restart', () => {
    const restarted = run([
      { type: 'connected' },
      { type: 'restart' },
      { type: 'closed', code: 4205 },
      { type: 'connecting', isRetry: true },
    ]);
    expect(restarted.status).toBe('connecting');
    expect(run([{ type: 'connected' }], restarted)).toEqual({
      status: 'connected',
      restarting: false,
    });
  });

  it('reports codes graphql-ws never retries as failed', () => {
    expect(run([{ type: 'connected' }, { type: 'closed', code: 4401 }]).status).toBe('failed');
    expect(run([{ type: 'connected' }, { type: 'closed', code: 1011 }]).status).toBe('failed');
  });
});
