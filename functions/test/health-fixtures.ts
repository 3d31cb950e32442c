import { idCheckChar } from '@citycare/contract';

/** A valid resident ID for a region code and birth date: the check character computed, not guessed. */
export function validId(region: string, birth: string, seq = '002'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/** A valid, run-unique Yingkou ID (so integration tests never collide on the uniqueness record). */
export function uniqueId(region = '210802'): string {
  const n = Math.floor(Math.random() * 1e7);
  const year = 1930 + (n % 80);
  const month = 1 + (Math.floor(n / 80) % 12);
  const day = 1 + (Math.floor(n / 960) % 28);
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return validId(region, `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`, seq);
}
