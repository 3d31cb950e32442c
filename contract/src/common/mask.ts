/**
 * Masking of personal data on screen and in answers to other people: one rule each, so a
 * resident reads the same on every screen.
 */

/** `王秀兰` -> `王*兰`, `王兰` -> `王*`, `欧阳秀兰` -> `欧**兰`, `王` -> `*`. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** `13812341234` -> `138****1234`; anything shorter than 8 characters is hidden entirely, its length too. */
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** `210802195603120026` -> `2108**********0026` (spaces ignored, `x` upper-cased). */
export function maskIdNumber(id: string): string {
  const n = id.replace(/\s+/g, '').toUpperCase();
  return n.length <= 8 ? '*'.repeat(n.length) : `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}`;
}

/** An internal id shown only by its ends: `u_8f3a****c21d`. */
export function maskId(id: string): string {
  return id.length <= 8 ? id : `${id.slice(0, 4)}****${id.slice(-4)}`;
}
