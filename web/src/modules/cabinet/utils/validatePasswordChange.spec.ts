import { describe, expect, it } from 'vitest';
import { validatePasswordChange } from './validatePasswordChange';

describe('validatePasswordChange', () => {
  it('accepts a complete, matching, long enough change', () => {
    expect(
      validatePasswordChange({
        currentPassword: 'old',
        newPassword: 'correct horse',
        repeatPassword: 'correct horse',
      }),
    ).toEqual({});
  });

  it('requires every field', () => {
    expect(validatePasswordChange({ currentPassword: '', newPassword: '', repeatPassword: '' })).toEqual({
      currentPassword: 'required',
      newPassword: 'required',
      repeatPassword: 'required',
    });
  });

  it('wants at least 8 characters, counted as characters not UTF-16 units', () => {
    expect(
      validatePasswordChange({ currentPassword: 'x', newPassword: 'short12', repeatPassword: 'short12' })
        .newPassword,
    ).toBe('tooShort');
    expect(
      validatePasswordChange({ currentPassword: 'x', newPassword: 'пароль12', repeatPassword: 'пароль12' }),
    ).toEqual({});
  });

  it('wants the repetition to match', () => {
    expect(
      validatePasswordChange({ currentPassword: 'x', newPassword: 'abcdefgh', repeatPassword: 'abcdefgX' })
        .repeatPassword,
    ).toBe('mismatch');
  });
});
