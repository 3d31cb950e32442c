import type { RiskArea } from '@citycare/contract';

/** The rule book's own rules (POST /health/rules/risk-areas). Pure. */

export type RiskAreaRefusal = { kind: 'listed'; message: string } | { kind: 'not-listed'; message: string };

/** Why adding or removing a risk area is refused: adding one already listed, removing one that is not. */
export function riskAreaRefusal(current: RiskArea[], action: 'add' | 'remove', region: string): RiskAreaRefusal | null {
  const listed = current.some((a) => a.region === region);
  if (action === 'add' && listed) return { kind: 'listed', message: '该地区已在风险地区名单中' };
  if (action === 'remove' && !listed) return { kind: 'not-listed', message: '风险地区名单中没有该地区' };
  return null;
}
