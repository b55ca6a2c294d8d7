// Two-digit country codes (ITU E.164 zones); +1 and +7 are the one-digit ones, the rest have three.
const twoDigitCodes = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66',
  '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

function countryCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return twoDigitCodes.has(digits.slice(0, 2)) ? 2 : 3;
}

/**
 * A stored phone (E.164, "+79001234567") written for people: Russian and Kazakh numbers as
 * "+7 900 123-45-67", others as the country code and groups of three ("+351 215 550 404").
 * Anything that is not E.164 is shown as it is.
 */
export function formatPhone(phone: string): string {
  if (!/^\+\d{8,15}$/.test(phone)) return phone;
  const russian = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  if (russian) return `+7 ${russian[1]} ${russian[2]}-${russian[3]}-${russian[4]}`;
  const digits = phone.slice(1);
  const codeLength = countryCodeLength(digits);
  const groups = digits.slice(codeLength).match(/.{1,3}/g) ?? [];
  // A lone last digit reads better joined to the group before it ("555 0143", not "555 014 3").
  if (groups.length > 1 && groups.at(-1)!.length === 1) groups.splice(-2, 2, groups.at(-2)! + groups.at(-1)!);
  return `+${digits.slice(0, codeLength)} ${groups.join(' ')}`;
}
