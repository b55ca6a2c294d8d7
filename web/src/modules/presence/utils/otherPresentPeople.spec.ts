import { describe, expect, it } from 'vitest';
import { otherPresentPeople } from './otherPresentPeople';

const entry = (id: string, name: string, editing = false) => ({ editing, since: '2026-11-21T10:00:00Z', person: { id, name } });

describe('otherPresentPeople', () => {
  it('leaves the viewer out and lists editors first, then by name', () => {
    const people = [entry('me', 'Me'), entry('b', 'Boris'), entry('a', 'Anna'), entry('c', 'Clara', true)];
    expect(otherPresentPeople(people, 'me').map((p) => p.person.name)).toEqual(['Clara', 'Anna', 'Boris']);
  });
});
