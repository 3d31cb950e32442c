import type { HealthColour, Relation, ScanReason } from '@citycare/contract';
import type { HealthState } from './status';

/** The stored shapes several use cases share (their keys: keys.ts). */

/** A resident (the account holder or a family member) with their status: `HH#<owner> P#<residentId>`. */
export interface ProfileItem {
  pk: string;
  sk: string;
  residentId: string;
  ownerId: string;
  relation: Relation;
  maskedName: string;
  idMasked: string;
  idHash: string;
  phoneMasked?: string;
  /** A family member's: the masked name of the account holder who looks after them (代办人). */
  proxyName?: string;
  community: string;
  codeId: string;
  colour: HealthColour;
  state: HealthState;
  version: number;
  createdAt: string;
  /** When the state last changed (the status list's change time). */
  updatedAt?: string;
  /** The 隐私保护指引 version the sensitive-data consent was given to, and when. */
  consentVersion?: string;
  consentAt?: string;
}

/** What a registration (or a dispute moving an ID number) makes a resident from. */
export interface NewResident {
  name: string;
  idNumber: string;
  idHash: string;
  phone?: string;
  community: string;
  relation: Relation;
  proxyName?: string;
  consent?: { consentVersion: string; consentAt: string };
  /** Own registrations: the person finder's hash of name and phone digits (auth/finder.ts), so admins can find them. */
  finder?: string;
}

/** The day's declaration: `HH#<owner> D#<residentId>#<date>` (the latest of the day counts). */
export interface DeclarationItem {
  date: string;
  at: string;
  temperature: number;
  symptoms: string[];
  travel: string[];
  contact: string;
  finding: string;
}

/** A scan, visit or outsider registration at a place (table health-scans; every row expires). */
export interface RecordItem {
  kind: 'scan' | 'visit' | 'outsider';
  id: string;
  at: string;
  placeId: string;
  placeName: string;
  /** The resident's QR subject; absent for outsiders and for codes that did not verify. */
  codeId?: string;
  colour?: HealthColour;
  maskedName: string;
  result: 'pass' | 'stop';
  reason?: ScanReason;
  /** What the scanner showed (audit only; `result` and `reason` are the server's). */
  clientResult?: 'pass' | 'stop';
  clientReason?: ScanReason;
  temperature?: number;
  recordedBy: string;
  /** Outsiders only. */
  outsider?: { fullName: string; phone: string; phoneMasked: string; origin: string; reason: string; decision: string };
  /** Outsiders only: the guide version the person agreed to, and when. */
  consentVersion?: string;
  consentAt?: string;
}

/** A record as read back: the QR subject is in the byCode index key. */
export type StoredRecord = RecordItem & { gpk?: string; expiresAt: number };
