import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { getFieldErrors } from './getFieldErrors';

function badUserInput(extensions: Record<string, unknown>, message = 'Invalid input') {
  return new CombinedGraphQLErrors({
    data: null,
    errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...extensions } }],
  });
}

describe('getFieldErrors', () => {
  it("reads the server's list of { field, message }", () => {
    const error = badUserInput({
      fields: [
        { field: 'currentPassword', message: 'is not your current password' },
        { field: 'input.newPassword', message: 'is too short' },
      ],
    });
    expect(getFieldErrors(error)).toEqual({
      currentPassword: 'is not your current password',
      newPassword: 'is too short',
    });
  });

  it('reads an object of field → message', () => {
    expect(getFieldErrors(badUserInput({ fields: { email: 'Not an e-mail' } }))).toEqual({
      email: 'Not an e-mail',
    });
  });

  it('reads a list of class-validator style errors', () => {
    const error = badUserInput({
      validationErrors: [{ property: 'newPassword', constraints: { minLength: 'too short' } }],
    });
    expect(getFieldErrors(error)).toEqual({ newPassword: 'too short' });
  });

  it('reads a single field next to the message', () => {
    const error = badUserInput({ field: 'currentPassword' }, 'Wrong password');
    expect(getFieldErrors(error)).toEqual({ currentPassword: 'Wrong password' });
  });

  it('ignores other codes and non-GraphQL errors', () => {
    const forbidden = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'no', extensions: { code: 'FORBIDDEN', field: 'email' } }],
    });
    expect(getFieldErrors(forbidden)).toEqual({});
    expect(getFieldErrors(new Error('network'))).toEqual({});
  });
});
