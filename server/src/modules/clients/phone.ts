import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A phone as E.164 (+79001234567), or null when it is not a possible number. */
export function normalisePhone(raw: string, region: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), region as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Digits of a search term that looks like (part of) a phone number, in E.164 form when it parses. */
export function phoneSearchDigits(term: string, region: string): string | null {
  const digits = term.replace(/\D/g, '');
  if (digits.length < 3 || /[^\d\s()+\-.]/.test(term.trim())) return null;
  return normalisePhone(term, region)?.slice(1) ?? digits;
}
