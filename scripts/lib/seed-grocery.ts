import { cityDate, cityInstant } from '@citycare/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Category } from '@citycare/contract';
import { capKey, storeItemKey } from '../../functions/src/grocery/keys';
import { newSlotItem } from '../../functions/src/grocery/catalogue/rules';
import { ROOT } from './paths';
import { putIf } from './seed-put';

/** config/grocery.yml: price caps, the red/yellow share, delivery windows, catalogues. */
export interface GroceryConfig {
  priorityShare: number;
  priceCaps: Record<Category, number>;
  slots: {
    days: number;
    windows: { start: string; end: string; cutoff: string; cutoffDayBefore?: boolean; capacity: number }[];
  };
  catalogues: Record<
    string,
    {
      id: string;
      name: string;
      category: Category;
      unit: string;
      price: number;
      stock: number;
      limit?: number;
      origin?: string;
    }[]
  >;
}

export function groceryConfigFile(): GroceryConfig {
  return parse(readFileSync(join(ROOT, 'config', 'grocery.yml'), 'utf8')) as GroceryConfig;
}

/** Tables are named `${service}-${stage}-<name>` (serverless.yml): the grocery table beside the directory. */
export const groceryTableBeside = (directoryTable: string) => directoryTable.replace(/-directory$/, '-grocery');

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

/**
 * Seeds the regulator's caps (a cap changed in config replaces the stored one; an unchanged one
 * is left alone) and, with demo data, the stores' catalogues and the next days' delivery slots
 * (added once, never overwritten: stock and bookings belong to the running system).
 */
export async function seedGrocery(
  doc: DynamoDBDocumentClient,
  directoryTable: string,
  withDemoData: boolean,
  now = new Date(),
  config: GroceryConfig = groceryConfigFile(),
): Promise<{ created: number; existing: number }> {
  const table = groceryTableBeside(directoryTable);
  let created = 0;
  let existing = 0;
  const count = (made: boolean) => (made ? created++ : existing++);
  for (const [category, capFen] of Object.entries(config.priceCaps)) {
    count(
      await putIf(
        doc,
        table,
        { ...capKey(category), category, capFen, updatedAt: now.toISOString() },
        'attribute_not_exists(pk) OR capFen <> :cap',
        { ':cap': capFen },
      ),
    );
  }
  if (!withDemoData) return { created, existing };
  for (const [storeId, items] of Object.entries(config.catalogues)) {
    for (const i of items) {
      const item = {
        ...storeItemKey(storeId, i.id),
        storeId,
        itemId: i.id,
        name: i.name,
        category: i.category,
        unit: i.unit,
        priceFen: i.price,
        stock: i.stock,
        ...(i.limit ? { dailyLimit: i.limit } : {}),
        ...(i.origin ? { origin: i.origin } : {}),
        updatedAt: now.toISOString(),
      };
      count(await putIf(doc, table, item));
    }
    const today = cityDate(now);
    for (let d = 0; d < config.slots.days; d++) {
      const day = addDays(today, d);
      for (const w of config.slots.windows) {
        const cutoffAt = cityInstant(w.cutoffDayBefore ? addDays(day, -1) : day, w.cutoff);
        if (Date.parse(cutoffAt) <= now.getTime()) continue;
        const slot = newSlotItem(
          storeId,
          { startsAt: cityInstant(day, w.start), endsAt: cityInstant(day, w.end), cutoffAt, capacity: w.capacity },
          config.priorityShare,
        );
        count(await putIf(doc, table, { ...slot }));
      }
    }
  }
  return { created, existing };
}
