/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character set (digits and capital letters without I, O, Z, S, V), the 18th a check
 * character over the first 17 (weights 3^i mod 31; check = 31 - sum mod 31, 31 -> 0).
 * Plain data, no zod: the mini-program imports this file at run time to check as one types.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters, or undefined when one is outside the set. */
export function creditCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] ?? '?');
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'charset' | 'region' | 'check';

export const CREDIT_CODE_PROBLEM_TEXT: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  charset: '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V）',
  region: '统一社会信用代码第 3 至 8 位应为行政区划代码',
  check: '统一社会信用代码校验位不对，请核对营业执照',
};

/** Why a code is not a valid unified social credit code, or null when it is. Case and spaces as typed are the caller's. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => CHARSET.includes(c))) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  return creditCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}
