import { describe, expect, it } from 'vitest';
import { otherPresentPeople } from './otherPresentPeople';

const entry = (id: string, name: string, editing: boolean) => ({
  editing,
  since: '2026-06-01T10:00:00Z',
  person: { id, name },
});

describe('otherPresentPeople', () => {
  it('leaves the viewer out and puts editors first', () => {
    const people = [entry('me', 'Me', true), entry('b', 'Boris', false), entry('a', 'Anna', false), entry('c', 'Clara', true)];
    expect(otherPresentPeople(people, 'me').map((person) => person.person.name)).toEqual(['Clara', 'Anna', 'Boris']);
  });
});
