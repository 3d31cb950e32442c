import { AuditAction, type AuditEntry } from '@citycare/contract';
import { OFFICIAL_READS } from '../keys';

/** The audit log's rules: which rows a filter keeps, and how a row is shown. Pure. */

export interface AuditFilter {
  officialId?: string;
  residentId?: string;
}

interface Expression {
  expression: string;
  values: Record<string, string>;
}

/**
 * The Query a filter makes: by resident, the byResident index (keeping only officials' reads:
 * partition `reads`); otherwise the partition `reads` itself. A filter by official is a
 * FilterExpression on either.
 */
export function auditQuery(filter: AuditFilter, reads = OFFICIAL_READS): { key: Expression; filter?: Expression } {
  const key: Expression = filter.residentId
    ? { expression: 'residentId = :resident', values: { ':resident': filter.residentId } }
    : { expression: 'pk = :pk', values: { ':pk': reads } };
  const parts: string[] = filter.residentId ? ['pk = :pk'] : [];
  const values: Record<string, string> = filter.residentId ? { ':pk': reads } : {};
  if (filter.officialId) {
    parts.push('actorId = :official');
    values[':official'] = filter.officialId;
  }
  return parts.length ? { key, filter: { expression: parts.join(' AND '), values } } : { key };
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * A stored row as the log shows it, or undefined for a row this log does not know how to show.
 * The id is the row's nonce (the last part of its sort key).
 */
export function auditEntry(row: Record<string, unknown>, officialName: string | undefined): AuditEntry | undefined {
  const action = AuditAction.safeParse(row.action);
  const officialId = text(row.actorId);
  const at = text(row.at);
  if (!action.success || !officialId || !at) return undefined;
  const entry: AuditEntry = {
    auditId:
      String(row.sk ?? '')
        .split('#')
        .pop() ?? '',
    at,
    action: action.data,
    officialId,
    officialName: officialName ?? officialId,
  };
  for (const key of ['residentId', 'placeId', 'from', 'to', 'reason'] as const) {
    const value = text(row[key]);
    if (value) entry[key] = value;
  }
  return entry;
}
