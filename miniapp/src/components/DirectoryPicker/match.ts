import type { DirectoryEntry } from '@citycare/contract';

/**
 * Pure: the entries whose name holds every character typed (in any order, spaces ignored), or
 * whose id starts with it; names that start with it first, then by name. Empty: all, by name.
 */
export function matchEntries(entries: readonly DirectoryEntry[], query: string): DirectoryEntry[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const byName = (a: DirectoryEntry, b: DirectoryEntry) => a.name.localeCompare(b.name, 'zh-CN');
  if (!q) return [...entries].sort(byName);
  const chars = Array.from(q);
  const hits = entries.filter((e) => e.id.startsWith(q) || chars.every((c) => e.name.toLowerCase().includes(c)));
  const starts = (e: DirectoryEntry) => (e.name.toLowerCase().startsWith(q) ? 0 : e.name.includes(q) ? 1 : 2);
  return hits.sort((a, b) => starts(a) - starts(b) || byName(a, b));
}
