import * as z from 'zod';
import { HealthColour, Id, IdNumber } from './health-base';

/**
 * The signed status list scanners keep beside the JWKS, and the paper code (纸质码) staff print
 * for residents without a phone (issue 12).
 */

/** `since`: epoch seconds; without it, the whole retention (the longest-lived code's lifetime). */
export const StatusListQuery = z.object({
  since: z
    .string()
    .regex(/^\d{1,12}$/, 'since 应为秒数（epoch seconds）')
    .optional(),
});

/**
 * The list as a compact JWS (ES256, header `typ: citycare-status+jwt`, the code-signing key's
 * `kid`), verified with the same JWKS as the codes. Its claims: `iat` (the list is complete up to
 * then), `since` (epoch seconds), `exp`, and `ch`: `[codeId, changedAt]` pairs (epoch seconds, the
 * latest change of each code since `since`). Nothing else: no colour, name or resident id.
 */
export const StatusListResponse = z.object({ list: z.string() });
export type StatusListResponse = z.infer<typeof StatusListResponse>;

/** A paper code for one resident: officials name them by id; community workers by ID number too. */
export const PaperCodeRequest = z
  .object({ residentId: Id.optional(), idNumber: IdNumber.optional() })
  .refine((r) => Boolean(r.residentId) !== Boolean(r.idNumber), '请提供居民编号或身份证号（二选一）');
export type PaperCodeRequest = z.infer<typeof PaperCodeRequest>;

export const PaperCodeResponse = z.object({
  /** The signed token the card's QR carries (claims as a code's, with `pc: 1` and a long `exp`). */
  token: z.string(),
  kid: z.string(),
  colour: HealthColour,
  maskedName: z.string(),
  idMasked: z.string(),
  community: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  /** The audit row of this print (审计号). */
  auditId: z.string(),
});
export type PaperCodeResponse = z.infer<typeof PaperCodeResponse>;
