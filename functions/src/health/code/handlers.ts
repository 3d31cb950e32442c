import { cachedRead } from '../../lib/cache';
import { endpoint } from '../../lib/http';
import { metric } from '../../lib/metrics';
import { ownResident } from '../access';
import { healthConfig } from '../config';
import { issueTime } from '../status-list/rules';
import { healthKeys, signCodeBundle } from '../tokens';
import { clock } from '../wiring';
import { codeWindows } from './rules';
import { proxyNameOf } from './storage';

const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

/**
 * GET /health/residents/{residentId}/code (healthCode): the signed QR token of the current
 * window and, pre-signed, those of the next windows (the offline bundle: `codeWindows` windows of
 * `tokenTtlSeconds`), each with its own not-before and expiry. The tokens carry the masked ID
 * number, and a family member's code says it is one (家人代办码) with the proxy's masked name.
 */
export const code = endpoint('healthCode', {}, async ({ params, caller }) => {
  // A slow database does not stop a resident at a gate: their last good profile, up to 15 minutes old.
  const residentId = params.residentId ?? '';
  const { p, proxyName } = await cachedRead(`code:${caller.userId}:${residentId}`, 900, async () => {
    const profile = await ownResident(caller, residentId);
    return { p: profile, proxyName: await proxyNameOf(profile) };
  });
  const now = issueTime(clock.now(), p.updatedAt);
  const rules = healthConfig();
  const windows = codeWindows(now, rules.tokenTtlSeconds, rules.codeWindows);
  const bundle = signCodeBundle(await healthKeys(), p.codeId, p.colour, p.maskedName, windows, now, {
    idMasked: p.idMasked,
    proxyName,
  });
  const tokens = bundle.tokens.map((t) => ({ token: t.token, notBefore: iso(t.nbf), expiresAt: iso(t.exp) }));
  metric('HealthCodesShown');
  return {
    token: tokens[0]!.token,
    kid: bundle.kid,
    colour: p.colour,
    maskedName: p.maskedName,
    idMasked: p.idMasked,
    proxyName,
    issuedAt: iso(bundle.iat),
    expiresAt: tokens[0]!.expiresAt,
    tokens,
  };
});
