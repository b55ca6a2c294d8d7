import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safeRedirectPath';

describe('safeRedirectPath', () => {
  it('keeps paths inside the app, with their query', () => {
    expect(safeRedirectPath('/journal?action=auth.login')).toBe('/journal?action=auth.login');
  });

  it('refuses other origins and falls back', () => {
    expect(safeRedirectPath('https://evil.example')).toBe('/');
    expect(safeRedirectPath('//evil.example/x')).toBe('/');
    expect(safeRedirectPath('/\\evil.example')).toBe('/');
    expect(safeRedirectPath(null, '/me')).toBe('/me');
  });

  it('never loops back to the login page', () => {
    expect(safeRedirectPath('/login?next=/x')).toBe('/');
  });
});
