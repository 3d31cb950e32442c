/** Money is whole fen (分) everywhere; yuan (元) only for reading and writing by people. */

/** 5830 -> `58.30`; -5 -> `-0.05`. Exact (no floating point). */
export function yuan(fen: number): string {
  const abs = Math.abs(Math.round(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 5830 -> `58.30 元`. */
export function yuanText(fen: number): string {
  return `${yuan(fen)} 元`;
}

/** `58.3` / `58.30` / `58` -> 5830; anything else (negative, three decimals, text) -> null. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
