import * as z from 'zod';
import { HealthColour, Id, Reason } from './health-base';

/** Appeals (纠错): one open per resident; officials change the status or keep it (维持原状态). */

export const AppealRequest = z.object({ residentId: Id, reason: Reason });
export const AppealOutcome = z.enum(['changed', 'kept']);
export type AppealOutcome = z.infer<typeof AppealOutcome>;
export const AppealView = z.object({
  appealId: z.string(),
  residentId: z.string(),
  maskedName: z.string(),
  colour: HealthColour,
  reason: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'closed']),
  /** How an official closed it: the status was changed, or kept as it was (维持原状态). */
  outcome: AppealOutcome.optional(),
  /** The official's reason, shown to the resident. */
  decision: z.string().optional(),
  closedAt: z.string().optional(),
});
export type AppealView = z.infer<typeof AppealView>;
export const AppealResponse = z.object({ appeal: AppealView });
/** A page of the officials' queue (oldest first), how many wait in all, and the next page's sealed cursor. */
export const AppealsResponse = z.object({
  appeals: z.array(AppealView),
  waiting: z.number(),
  nextCursor: z.string().optional(),
});
export const MyAppealsResponse = z.object({ appeals: z.array(AppealView) });
export const AppealCloseRequest = z.object({ reason: Reason });
