import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneSearchDigits } from './phone.js';

describe('normalisePhone', () => {
  it('writes every format of one number the same way', () => {
    for (const raw of ['+7 900 123-45-67', '8 (900) 123 45 67', '+79001234567', '9001234567']) expect(normalisePhone(raw, 'RU')).toBe('+79001234567');
  });

  it('uses the company region only for numbers without a country code', () => {
    expect(normalisePhone('+351 912 345 678', 'RU')).toBe('+351912345678');
    expect(normalisePhone('912 345 678', 'PT')).toBe('+351912345678');
  });

  it('refuses what cannot be a phone number', () => {
    expect(normalisePhone('12', 'RU')).toBeNull();
    expect(normalisePhone('call me', 'RU')).toBeNull();
  });
});

describe('phoneSearchDigits', () => {
  it('finds digits in a phone-like term and ignores names', () => {
    expect(phoneSearchDigits('8 (900) 123-45-67', 'RU')).toBe('79001234567');
    expect(phoneSearchDigits('123-45', 'RU')).toBe('12345');
    expect(phoneSearchDigits('Arena 2000', 'RU')).toBeNull();
  });
});
