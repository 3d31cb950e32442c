import { type HealthColour, passRule } from '@citycare/contract';
import { cachedRead } from '../../lib/cache';
import { conflict, notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { healthConfig } from '../config';
import { healthKeys, jwks } from '../tokens';
import { clock } from '../wiring';
import { riskAreaRefusal } from './rules';
import { changeRiskArea, riskAreas } from './storage';

/** The rule book: the keys codes are verified with, the numbers and risk areas, and officials' edits. */

/** GET /health/keys (healthKeys): the JWKS scanners verify codes with. Public and cacheable. */
export const keys = endpoint('healthKeys', {}, async () => {
  return new Reply(200, jwks(await healthKeys()), { 'cache-control': 'public, max-age=300' });
});

/** The rule book: the numbers from config, the risk areas officials keep, the pass rules. */
export async function ruleBook() {
  const c = healthConfig();
  const colours: HealthColour[] = ['green', 'yellow', 'red'];
  return {
    feverCelsius: c.feverCelsius,
    yellowNormalDays: c.yellowNormalDays,
    redMinDays: c.redMinDays,
    tokenTtlSeconds: c.tokenTtlSeconds,
    codeWindows: c.codeWindows,
    scanClockSkewSeconds: c.scanClockSkewSeconds,
    offlineWindowHours: c.offlineWindowHours,
    maxFamilyMembers: c.maxFamilyMembers,
    statusListRefreshSeconds: c.statusListRefreshSeconds,
    scannerOfflineDays: c.scannerOfflineDays,
    paperCodeDays: c.paperCodeDays,
    statusMaxStalenessMinutes: c.statusMaxStalenessMinutes,
    riskAreas: await cachedRead('rules:risk-areas', 3600, riskAreas),
    passRules: [
      ...colours.map((colour) => ({ colour, ...passRule(colour, 'station') })),
      { colour: 'yellow' as const, ...passRule('yellow', 'clinic') },
    ],
  };
}

/** GET /health/rules (healthRules): the rule book. */
export const rules = endpoint('healthRules', {}, ruleBook);

/** POST /health/rules/risk-areas (healthChangeRiskArea): officials add or remove a risk area; audited. */
export const changeRiskAreas = endpoint('healthChangeRiskArea', { roles: ['official'] }, async ({ body, caller }) => {
  const refusal = riskAreaRefusal(await riskAreas(), body.action, body.region);
  if (refusal) throw refusal.kind === 'listed' ? conflict(refusal.message) : notFound(refusal.message);
  const now = clock.now().toISOString();
  await changeRiskArea(
    body.action,
    { region: body.region, note: body.note, since: now.slice(0, 10) },
    caller.userId,
    body.reason,
    now,
  );
  return ruleBook();
});
