import { describe, expect, it } from 'vitest';
import { formatPhone } from './formatPhone';

describe('formatPhone', () => {
  it('writes Russian numbers the way people there do', () => {
    expect(formatPhone('+79001234567')).toBe('+7 900 123-45-67');
    expect(formatPhone('+74955550101')).toBe('+7 495 555-01-01');
  });

  it('splits the country code off by its length and groups the rest', () => {
    expect(formatPhone('+351215550404')).toBe('+351 215 550 404');
    expect(formatPhone('+12025550143')).toBe('+1 202 555 0143');
    expect(formatPhone('+442079460958')).toBe('+44 207 946 0958');
  });

  it('leaves anything that is not E.164 as it is', () => {
    expect(formatPhone('8 (900) 123-45-67')).toBe('8 (900) 123-45-67');
    expect(formatPhone('')).toBe('');
  });
});
