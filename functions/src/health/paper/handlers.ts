import type { PaperCodeResponse } from '@citycare/contract';
import { hasRole, hasScope } from '../../auth/rules';
import { forbidden, notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { healthConfig } from '../config';
import { issueTime } from '../status-list/rules';
import { healthKeys, signHealthToken } from '../tokens';
import { clock } from '../wiring';
import { earlierPrint, recordPrint, residentFor } from './storage';

/**
 * POST /health/paper-codes (healthPaperCode): a paper code (纸质码) for a resident without a
 * phone. Community workers print for residents of their community, health officials for anyone;
 * 404 for an unknown resident. The token is a code's (masked name and ID number) with `pc: 1`,
 * valid `paperCodeDays`; scanners refuse it once the status list says the status changed after
 * it was printed. Every print is in the officials' audit log; a retry with the same
 * Idempotency-Key gets the same card.
 */
export const paperCode = endpoint(
  'healthPaperCode',
  { roles: ['worker', 'official'] },
  async ({ body, caller, headers }) => {
    const key = idempotencyKey(headers, false);
    const scope = key
      ? { userId: caller.userId, operation: 'health.paper', key, fingerprint: fingerprint(body) }
      : undefined;
    const earlier = await earlierPrint(scope);
    if (earlier) return earlier.body as PaperCodeResponse;
    const p = await residentFor(body);
    if (!p) throw notFound('找不到该居民的健康码登记');
    if (!hasRole(caller.roles, 'official') && !hasScope(caller.roles, 'worker', p.community)) {
      throw forbidden('只能为本社区的居民打印纸质码');
    }
    const now = issueTime(clock.now(), p.updatedAt);
    const days = healthConfig().paperCodeDays;
    const signed = signHealthToken(await healthKeys(), p.codeId, p.colour, p.maskedName, days * 86400, now, {
      idMasked: p.idMasked,
      paper: true,
    });
    return recordPrint(caller.userId, p.residentId, now.toISOString(), scope, (auditId) => ({
      token: signed.token,
      kid: signed.kid,
      colour: p.colour,
      maskedName: p.maskedName,
      idMasked: p.idMasked,
      community: p.community,
      issuedAt: new Date(signed.claims.iat * 1000).toISOString(),
      expiresAt: new Date(signed.claims.exp * 1000).toISOString(),
      auditId,
    }));
  },
);
