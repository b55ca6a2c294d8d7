import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../graphql/context.js';
import { planSharing, scopeKey, SHARING_POLICIES } from './shared-subscriptions.js';

const CALENDAR = 'subscription($from: Date!, $to: Date!, $since: SafeInt) { calendarChanged(from: $from, to: $to, since: $since) { seq eventId } }';
const viewer = (id: string, permissions: string[]): Viewer => ({ id, name: id, email: `${id}@x`, sessionId: `s-${id}`, roleId: 'r', permissions: new Set(permissions) });

describe('planSharing', () => {
  it('keys on document and variables but not on the replay variable (since)', () => {
    const a = planSharing(parse(CALENDAR), undefined, { from: '2030-01-01', to: '2030-01-31', since: 5 })!;
    const b = planSharing(parse(CALENDAR), undefined, { to: '2030-01-31', from: '2030-01-01' })!;
    const c = planSharing(parse(CALENDAR), undefined, { from: '2030-01-02', to: '2030-01-31' })!;
    expect(a.replayVariable).toBe('since');
    expect(a.operationKey).toBe(b.operationKey);
    expect(c.operationKey).not.toBe(a.operationKey);
    // Whitespace does not matter (the document is printed), the selection does.
    const spaced = planSharing(parse(CALENDAR.replaceAll(' {', '  {\n')), undefined, { from: '2030-01-01', to: '2030-01-31' })!;
    expect(spaced.operationKey).toBe(a.operationKey);
    const other = planSharing(parse(CALENDAR.replace('seq eventId', 'seq')), undefined, { from: '2030-01-01', to: '2030-01-31' })!;
    expect(other.operationKey).not.toBe(a.operationKey);
  });

  it('leaves unlisted fields, directives, several root selections and queries unshared', () => {
    expect(planSharing(parse('subscription($s: String!) { presenceChanged(scope: $s) { scope } }'), undefined, { s: 'calendar' })).toBeUndefined();
    expect(planSharing(parse('subscription($x: Boolean!) { myNotifications @include(if: $x) { seq } }'), undefined, { x: true })).toBeUndefined();
    expect(planSharing(parse('subscription { ... on Subscription { myNotifications { seq } } }'), undefined, {})).toBeUndefined();
    expect(planSharing(parse('{ latestChangeSeq }'), undefined, {})).toBeUndefined();
  });
});

describe('scopeKey', () => {
  it('is the permission set for calendarChanged, whoever the viewer is and in whatever order', () => {
    const policy = SHARING_POLICIES.calendarChanged!;
    expect(scopeKey(policy, viewer('a', ['event:read', 'client:read']))).toBe(scopeKey(policy, viewer('b', ['client:read', 'event:read'])));
    expect(scopeKey(policy, viewer('a', ['event:read']))).not.toBe(scopeKey(policy, viewer('a', ['event:read', 'client:read'])));
  });

  it('includes the viewer for myNotifications, and for conflictRaised unless a manager', () => {
    expect(scopeKey(SHARING_POLICIES.myNotifications!, viewer('a', ['event:read']))).not.toBe(scopeKey(SHARING_POLICIES.myNotifications!, viewer('b', ['event:read'])));
    const conflicts = SHARING_POLICIES.conflictRaised!;
    expect(scopeKey(conflicts, viewer('a', ['event:read']))).not.toBe(scopeKey(conflicts, viewer('b', ['event:read'])));
    expect(scopeKey(conflicts, viewer('a', ['event:read', 'crew:assign']))).toBe(scopeKey(conflicts, viewer('b', ['event:read', 'crew:assign'])));
  });
});
