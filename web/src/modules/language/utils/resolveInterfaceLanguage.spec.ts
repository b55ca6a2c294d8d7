import { describe, expect, it } from 'vitest';
import { resolveInterfaceLanguage } from './resolveInterfaceLanguage';

const supported = ['en', 'ru'];

describe('resolveInterfaceLanguage', () => {
  it("prefers the viewer's language", () => {
    expect(resolveInterfaceLanguage('ru', 'en', supported)).toBe('ru');
  });

  it('falls back to the company default when signed out or unsupported', () => {
    expect(resolveInterfaceLanguage(undefined, 'ru', supported)).toBe('ru');
    expect(resolveInterfaceLanguage('pt', 'ru', supported)).toBe('ru');
  });

  it('accepts a regional variant of a supported language', () => {
    expect(resolveInterfaceLanguage('ru-RU', 'en', supported)).toBe('ru');
  });

  it('ends in English', () => {
    expect(resolveInterfaceLanguage('pt', 'de', supported)).toBe('en');
  });
});
