import { printTable } from './table';

/** One use case: how many DynamoDB requests it makes, next to the fewest it could make. */
export interface RequestCase {
  name: string;
  /** The floor, and what it consists of. */
  floor: number;
  floorNote: string;
  /** Prepares state; its requests are not counted. */
  setup?: () => Promise<unknown>;
  run: () => Promise<unknown>;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/**
 * Runs each case and prints its DynamoDB requests next to the floor, with the read and write
 * capacity units DynamoDB (Local) reports for them: the figures docs/operations.md's capacity
 * plan multiplies by the city's volumes. (On-demand bills a transactional item twice; the
 * units shown are those reported.) `outside`, when given, is the log of calls to an outside
 * service (WeChat Pay); a case's calls to it are counted among its requests too.
 */
export async function countRequests(
  title: string,
  cases: RequestCase[],
  outside?: () => readonly string[],
): Promise<void> {
  const { onRequest } = await import('../../functions/src/lib/dynamo');
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    await c.setup?.();
    const seen: string[] = [];
    const outsideBefore = outside?.().length ?? 0;
    const units = { read: 0, write: 0 };
    const stop = onRequest(({ command, units: used }) => {
      const name = command.replace(/Command$/, '');
      seen.push(name);
      units[READS.has(name) ? 'read' : 'write'] += used;
    });
    try {
      await c.run();
    } finally {
      stop();
    }
    seen.push(...(outside?.().slice(outsideBefore) ?? []));
    const tally = [...new Set(seen)].map((n) => `${seen.filter((s) => s === n).length} ${n}`).join(', ');
    rows.push([
      c.name,
      seen.length,
      c.floor,
      `${(seen.length / c.floor).toFixed(2)}×`,
      units.read.toFixed(1),
      units.write.toFixed(1),
      tally || '-',
      c.floorNote,
    ]);
  }
  printTable(title, ['use case', 'requests', 'floor', 'ratio', 'RCU', 'WCU', 'made', 'floor is'], rows);
}
