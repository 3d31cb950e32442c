import * as z from 'zod';
import { Category } from './grocery';
import { Fen, Id, IsoTime } from './grocery-fields';

/** Grocery catalogues and delivery slots: what a community store sells, at capped prices, and when it delivers. */

// ---- catalogue and slots ----

export const StoreSummary = z.object({
  storeId: z.string(),
  name: z.string(),
  district: z.string(),
  serves: z.array(z.string()),
});
export type StoreSummary = z.infer<typeof StoreSummary>;

export const CatalogueItem = z.object({
  itemId: z.string(),
  storeId: z.string(),
  name: z.string(),
  category: Category,
  unit: z.string(),
  priceFen: Fen,
  /** The regulator's cap for the item's category, shown beside the price. */
  capFen: Fen.optional(),
  stock: z.number().int(),
  /** Scarce items (masks, disinfectant) have a per-household daily limit. */
  dailyLimit: z.number().int().positive().optional(),
  origin: z.string().optional(),
  updatedAt: z.string(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

export const ItemInput = z
  .object({
    itemId: Id.optional(),
    name: z.string().trim().min(1, '请填写商品名称').max(30, '商品名称太长'),
    category: Category,
    unit: z.string().trim().min(1, '请填写单位').max(8, '单位太长'),
    priceFen: Fen.max(1_000_000, '价格太高').refine((n) => n > 0, '价格必须大于 0'),
    stock: z.number().int('库存必须是整数').min(0, '库存不能为负数').max(1_000_000, '库存太大'),
    dailyLimit: z.number().int().min(1, '限购数量至少为 1').max(99, '限购数量太大').optional(),
    origin: z.string().trim().max(30, '产地太长').optional(),
  })
  .strict();
export type ItemInput = z.infer<typeof ItemInput>;

export const CatalogueResponse = z.object({
  store: StoreSummary,
  items: z.array(CatalogueItem),
  /** Category -> the regulator's cap in fen per unit. */
  caps: z.record(z.string(), Fen),
});

export const Slot = z.object({
  slotId: z.string(),
  storeId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  cutoffAt: z.string(),
  capacity: z.number().int(),
  /** Places held back for red/yellow-code households until the cutoff. */
  reserved: z.number().int(),
  booked: z.number().int(),
  /** Places anyone can still book / places a red or yellow household can still book. */
  remaining: z.number().int(),
  remainingPriority: z.number().int(),
  open: z.boolean(),
});
export type Slot = z.infer<typeof Slot>;

export const SlotInput = z
  .object({ startsAt: IsoTime, endsAt: IsoTime, cutoffAt: IsoTime, capacity: z.number().int().min(1).max(1000) })
  .strict();
export type SlotInput = z.infer<typeof SlotInput>;
