import * as z from 'zod';
import { Id } from './health-base';

/**
 * Officials' audit log: who looked at whom, when and why. Every official read of a resident's
 * data (tracing, lookups, a resident's detail, and reading this log) leaves one entry.
 */

/** What an official did. */
export const AuditAction = z.enum([
  'health.trace.place',
  'health.trace.resident',
  'health.lookup',
  'health.resident.view',
  'health.audit.read',
  'health.paper.print',
  'health.status.set',
  'health.trace.seen',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'health.trace.place': '查询场所到访记录',
  'health.trace.resident': '查询居民行程',
  'health.lookup': '按身份证号查找居民',
  'health.resident.view': '查看居民健康码详情',
  'health.audit.read': '查看审计日志',
  'health.paper.print': '打印纸质码',
  'health.status.set': '更改居民健康码状态（并查看其申报记录）',
  'health.trace.seen': '场所流调中查看了到访记录',
};

/** A user id (`u` and 23 hex digits), as officials are shown in the log. */
export const OfficialId = z.string().regex(/^u[0-9a-f]{23}$/, '工作人员编号格式不正确');

export const AuditLogQuery = z.object({
  officialId: OfficialId.optional(),
  residentId: Id.optional(),
  cursor: z.string().max(2048).optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditEntry = z.object({
  /** The entry's id (shown to the official who made it as 审计号). */
  auditId: z.string(),
  at: z.string(),
  action: AuditAction,
  officialId: z.string(),
  officialName: z.string(),
  /** The resident looked at, when there was one. */
  residentId: z.string().optional(),
  /** A place trace: where, and the range asked for. */
  placeId: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  /** Why, as the official wrote it (tracing); absent where the action itself says why. */
  reason: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A page of the log, newest first, and the sealed cursor of the next page. */
export const AuditLogResponse = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().optional() });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;
