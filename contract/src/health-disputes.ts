import * as z from 'zod';
import { Reason } from './health-base';

/**
 * Disputes over an ID number: when someone registers an ID number another account already holds,
 * the answer does not say so; the claim waits for an official, who keeps the registration or
 * moves the ID number to the claimant.
 */

/** The answer to a registration that needs an official's check (HTTP 202). */
export const VerificationView = z.object({
  disputeId: z.string(),
  idMasked: z.string(),
  message: z.string(),
});
export type VerificationView = z.infer<typeof VerificationView>;

export const DisputeDecision = z.enum(['keep', 'move']);
export type DisputeDecision = z.infer<typeof DisputeDecision>;

export const DisputeView = z.object({
  disputeId: z.string(),
  idMasked: z.string(),
  /** The claimant's masked name and how they registered (本人 or a family member). */
  claimantName: z.string(),
  claimantRelation: z.string(),
  community: z.string(),
  /** Who holds the ID number now (masked). */
  holderName: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'closed']),
  decision: DisputeDecision.optional(),
  reason: z.string().optional(),
});
export type DisputeView = z.infer<typeof DisputeView>;

export const DisputesResponse = z.object({
  disputes: z.array(DisputeView),
  waiting: z.number(),
  nextCursor: z.string().optional(),
});
export const DisputeResolveRequest = z.object({ decision: DisputeDecision, reason: Reason });
export const DisputeResponse = z.object({ dispute: DisputeView });
