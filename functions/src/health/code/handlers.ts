import { cachedRead } from '../../lib/cache';
import { endpoint } from '../../lib/http';
import { metric } from '../../lib/metrics';
import { ownResident } from '../access';
import { healthConfig } from '../config';
import { healthKeys, signHealthToken } from '../tokens';
import { clock } from '../wiring';
import { proxyNameOf } from './storage';

/**
 * GET /health/residents/{residentId}/code (healthCode): a fresh signed QR token (5 minutes). It
 * carries the masked ID number, and a family member's code says it is one (家人代办码) with the
 * proxy's masked name.
 */
export const code = endpoint('healthCode', {}, async ({ params, caller }) => {
  // A slow database does not stop a resident at a gate: their last good profile, up to 15 minutes old.
  const residentId = params.residentId ?? '';
  const { p, proxyName } = await cachedRead(`code:${caller.userId}:${residentId}`, 900, async () => {
    const profile = await ownResident(caller, residentId);
    return { p: profile, proxyName: await proxyNameOf(profile) };
  });
  const { token, claims, kid } = signHealthToken(
    await healthKeys(),
    p.codeId,
    p.colour,
    p.maskedName,
    healthConfig().tokenTtlSeconds,
    clock.now(),
    { idMasked: p.idMasked, proxyName },
  );
  metric('HealthCodesShown');
  return {
    token,
    kid,
    colour: claims.st,
    maskedName: claims.nm,
    idMasked: p.idMasked,
    proxyName,
    issuedAt: new Date(claims.iat * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
});
