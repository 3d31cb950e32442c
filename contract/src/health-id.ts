/**
 * The 18-digit resident ID number (GB 11643-1999) and the masks personal data is shown under.
 * Pure functions, shared by the backend (validation) and the mini-program (early feedback).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level region codes (the first two digits of every resident ID). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore

/** The check character an ID's first 17 digits call for. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Upper-case and without spaces: `210802 19560312 002x` -> `21080219560312002X`. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * Why this is not a valid resident ID number (a message for the resident), or null when it is.
 * Checks the shape, the region code, the birth date (a real date, not in the future, not before
 * 1900) and the check character.
 */
export function residentIdProblem(raw: string, today: Date = new Date()): string | null {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位，最后一位可以是数字或 X';
  if (!PROVINCES.has(id.slice(0, 2)) || /^\d{2}0000$/.test(id.slice(0, 6)))
    return '身份证号前 6 位地区码不正确，请核对';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!realDate || year < 1900 || birth.getTime() > today.getTime()) return '身份证号中的出生日期不正确，请核对';
  if (idCheckChar(id) !== id[17]) return '身份证号校验位不对，请逐位核对后再填';
  return null;
}

export { maskIdNumber, maskName, maskPhone } from './common/mask';
