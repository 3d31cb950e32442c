import type { Address } from '@citycare/contract';

/**
 * Pure: the form of an address that keys a household. Residents type the same home many ways —
 * 3号楼 / ３栋 / 03幢 / 第三栋, 2单元 / 二单元, 0501 / 501室 — and a limit per household must not
 * be escaped by typing it differently.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 -> 3, 十五 -> 15, 二十 -> 20, 二十三 -> 23, 一零一 -> 101 (digit by digit without 十). */
export function chineseNumber(run: string): string {
  const chars = [...run];
  const ten = chars.indexOf('十');
  if (ten < 0) return chars.map((c) => String(DIGITS[c] ?? c)).join('');
  if (chars.lastIndexOf('十') !== ten || ten > 1) return run;
  const tens = ten === 0 ? 1 : (DIGITS[chars[0] as string] ?? NaN);
  const rest = chars.slice(ten + 1);
  if (rest.length > 1) return run;
  const ones = rest.length ? (DIGITS[rest[0] as string] ?? NaN) : 0;
  return Number.isNaN(tens) || Number.isNaN(ones) ? run : String(tens * 10 + ones);
}

/** What residents put after a building, unit or room number; all mean the same here. */
const SUFFIXES = {
  building: ['号楼', '栋', '幢', '座', '楼', '号'],
  unit: ['单元', '门'],
  room: ['室', '户', '号'],
} as const;

export type AddressPart = keyof typeof SUFFIXES;

/**
 * One part of an address in its canonical form: NFKC (full-width letters, digits and spaces to
 * half-width), lower case, no spaces, dashes or `#`, Chinese numerals as digits, without a
 * leading 第 or the part's suffix, and without leading zeros in any number.
 */
export function normaliseAddressPart(part: AddressPart, value: string): string {
  let s = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s#\-‐‑‒–—―−]+/g, '');
  s = s.replace(/[零〇一二两三四五六七八九十]+/g, chineseNumber);
  s = s.replace(/^第/, '');
  for (let again = true; again;) {
    again = false;
    for (const suffix of SUFFIXES[part]) {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        again = true;
      }
    }
  }
  return s.replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, ''));
}

/** The household's key: its community and its normalised building, unit and room. */
export function householdKey(communityId: string, address: Address): string {
  return [
    communityId,
    normaliseAddressPart('building', address.building),
    normaliseAddressPart('unit', address.unit),
    normaliseAddressPart('room', address.room),
  ].join('/');
}

/** A household as people read it: `3号楼 2单元 501`. */
export function householdLabel(address: Address): string {
  return `${address.building}号楼 ${address.unit}单元 ${address.room}`
    .replace(/号楼号楼/, '号楼')
    .replace(/单元单元/, '单元');
}
