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

export async function countRequests(title: string, cases: RequestCase[]): Promise<void> {
  const { onRequest } = await import('../../functions/src/lib/dynamo');
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    await c.setup?.();
    const seen: string[] = [];
    const stop = onRequest((command) => seen.push(command.replace(/Command$/, '')));
    try {
      await c.run();
    } finally {
      stop();
    }
    const tally = [...new Set(seen)].map((n) => `${seen.filter((s) => s === n).length} ${n}`).join(', ');
    rows.push([c.name, seen.length, c.floor, `${(seen.length / c.floor).toFixed(2)}×`, tally || '-', c.floorNote]);
  }
  printTable(title, ['use case', 'requests', 'floor', 'ratio', 'made', 'floor is'], rows);
}
