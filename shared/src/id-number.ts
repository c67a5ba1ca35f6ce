/**
 * Chinese resident identity numbers (GB 11643-1999): 17 digits and a check character computed with ISO 7064
 * MOD 11-2. Pure functions, shared by the mini program (instant feedback) and the API (the rule that counts).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function idNumberCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** Birth date `YYYY-MM-DD` encoded in an ID number, or null when it is not a real calendar date. */
export function birthDateFromIdNumber(idNumber: string): string | null {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid && Number(year) >= 1900 ? `${year}-${month}-${day}` : null;
}

/** Whole years between a `YYYY-MM-DD` birth date and a `YYYY-MM-DD` date: the birthday itself counts as the new age. */
export function ageOn(birthDate: string, onDate: string): number {
  const [birthYear, birthMonth, birthDay] = birthDate.split('-').map(Number);
  const [year, month, day] = onDate.split('-').map(Number);
  const beforeBirthday = month < birthMonth || (month === birthMonth && day < birthDay);
  return year - birthYear - (beforeBirthday ? 1 : 0);
}

export function isValidIdNumber(raw: string): boolean {
  const idNumber = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  if (birthDateFromIdNumber(idNumber) === null) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17];
}

/** `110101199003071234` → `1101**********1234`: region prefix and last four only, as every response shows it. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** `13800138000` → `138****8000`. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isMainlandMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
