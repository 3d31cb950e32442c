import type { ConsultationMessage, ConsultationStatus, ServiceCategory } from '@citycare/contract';
import type * as z from 'zod';

/** The shape stored in the service table (its keys: keys.ts; how it is shown: views.ts). */

export interface StoredMessage extends ConsultationMessage {
  /** The member of staff who wrote a centre message or caused an event: kept, never shown to residents. */
  by?: string;
}

export interface ConsultationItem {
  pk: string;
  sk: 'CONSULT';
  consultationId: string;
  /** The resident's user id: the only personal datum kept besides what they wrote. */
  residentId: string;
  category: ServiceCategory;
  status: z.infer<typeof ConsultationStatus>;
  question: string;
  messages: StoredMessage[];
  createdAt: string;
  updatedAt: string;
  /** Since when the resident waits for the centre (while waiting). */
  waitingSince?: string;
  closedAt?: string;
  handedOverFrom?: ServiceCategory;
  /** Every write adds one; a write is conditional on the version it read. */
  version: number;
  /** DynamoDB TTL (epoch seconds): set when closed, removed when reopened. */
  expiresAt?: number;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk: string;
  gsi2sk: string;
}
