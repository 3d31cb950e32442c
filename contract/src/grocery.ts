import * as z from 'zod';
import { Fen, Id, IsoTime } from './grocery-fields';

/**
 * Grocery pre-orders: community stores' catalogues at capped prices, delivery slots, orders
 * that commit stock, slot and payment together, contactless delivery confirmed by community
 * workers with the resident's pickup code, and village group orders (卡点购物车).
 */

export const Category = z.enum(['vegetables', 'meat-eggs', 'grain-oil', 'daily-goods', 'medical']);
export type Category = z.infer<typeof Category>;

export const CATEGORY_LABELS: Record<Category, string> = {
  vegetables: '蔬菜',
  'meat-eggs': '肉禽蛋',
  'grain-oil': '粮油',
  'daily-goods': '日用品',
  medical: '药品与防护用品',
};

/**
 * DynamoDB commits at most 100 items in one transaction. A checkout writes per line its stock
 * and, for a scarce item (at most 20 lines of them), the household's and the user's daily
 * counters; plus the slot, the order, the payment and the idempotency record: 40 + 2 × 20 + 4 = 84 ≤ 100.
 */
export const MAX_LINES_PER_ORDER = 40;
export const MAX_QTY_PER_LINE = 99;

const AddressPart = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(16, `${label}太长`)
    // Full-width letters and digits, spaces and # are taken as typed; the server normalises them
    // before an address keys a household (functions/src/grocery/address.ts).
    .regex(
      /^[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u4e00-\u9fa5\u3007#\uFF03\uFF0D \u3000-]+$/,
      `${label}只能包含汉字、字母、数字和连字符`,
    )
    .regex(/[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u4e00-\u9fa5\u3007]/, `请填写${label}`);

export const Address = z.object({
  building: AddressPart('楼号'),
  unit: AddressPart('单元'),
  room: AddressPart('门牌号'),
});
export type Address = z.infer<typeof Address>;

export const Contact = z.object({
  name: z.string().trim().min(1, '请填写联系人').max(20, '联系人姓名太长'),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请填写 11 位手机号'),
});
export type Contact = z.infer<typeof Contact>;

export const Substitution = z.enum(['similar', 'none']);
export const Fulfilment = z.enum(['delivery', 'pickup']);
export const PaymentMethod = z.enum(['on-delivery', 'prepaid']);
/**
 * `refunding`: a paid order was cancelled or rejected and WeChat Pay was asked for the money back;
 * `refunded`: it went back in full.
 */
export const PaymentState = z.enum(['pending', 'paid', 'cancelled', 'refunding', 'refunded']);
/** How a community worker collected a pay-on-delivery order at the door: cash, or the resident scanned the worker's collection code. */
export const Collected = z.enum(['cash', 'scan'], { message: '请选择收款方式：现金或扫码' });
export type Collected = z.infer<typeof Collected>;
export const OrderStatus = z.enum([
  'placed',
  'accepted',
  'prepared',
  'out-for-delivery',
  'delivered',
  'cancelled',
  'rejected',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  placed: '已下单',
  accepted: '商户已接单',
  prepared: '已备货',
  'out-for-delivery': '配送中',
  delivered: '已送达',
  cancelled: '已取消',
  rejected: '商户已拒单',
};

// ---- orders ----

export const OrderLineInput = z
  .object({
    itemId: Id,
    qty: z
      .number()
      .int('数量必须是整数')
      .min(1, '数量至少为 1')
      .max(MAX_QTY_PER_LINE, `每种商品最多 ${MAX_QTY_PER_LINE} 件`),
    substitution: Substitution.default('none'),
  })
  .strict();

const Lines = z
  .array(OrderLineInput)
  .min(1, '购物车是空的')
  .max(MAX_LINES_PER_ORDER, `每单最多 ${MAX_LINES_PER_ORDER} 种商品，请分成几单下`)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.itemId)) ctx.addIssue({ code: 'custom', path: [i, 'itemId'], message: '同一商品请合并为一行' });
      seen.add(l.itemId);
    });
  });

export const CheckoutRequest = z
  .object({
    storeId: Id,
    communityId: Id,
    slotId: Id,
    fulfilment: Fulfilment.default('delivery'),
    contactless: z.boolean().default(true),
    payment: PaymentMethod,
    address: Address,
    contact: Contact,
    lines: Lines,
  })
  .strict();
export type CheckoutRequest = z.input<typeof CheckoutRequest>;

export const OrderLine = z.object({
  itemId: z.string(),
  name: z.string(),
  unit: z.string(),
  category: Category,
  priceFen: Fen,
  qty: z.number().int(),
  substitution: Substitution,
  lineFen: Fen,
  /** The store replaced this line with a similar item (同类替换): what the resident ordered. */
  replaced: z.object({ itemId: z.string(), name: z.string(), unit: z.string(), priceFen: Fen }).optional(),
  /** The store had none and dropped the line: it is not charged (lineFen 0). */
  dropped: z.boolean().optional(),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** The store's change to one line while preparing: replace it with a similar item, or drop it. */
export const SubstituteRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('replace'), itemId: Id, withItemId: Id }).strict(),
  z.object({ action: z.literal('drop'), itemId: Id }).strict(),
]);
export type SubstituteRequest = z.infer<typeof SubstituteRequest>;

export const TimelineEntry = z.object({ status: OrderStatus, at: z.string(), note: z.string().optional() });

export const HouseholdShare = z.object({
  memberId: z.string(),
  household: z.string(),
  contactName: z.string(),
  lines: z.array(OrderLine),
  totalFen: Fen,
  paid: z.boolean(),
  /**
   * Given back: the share lapsed unpaid (its time to pay ran out, or the group closed first: its
   * WeChat Pay order closed, the share out of the group's total), or the group order was given up
   * (a paid share refunded).
   */
  released: z.boolean().optional(),
  /**
   * The household's own share only: its WeChat Pay payment — `pending` until WeChat Pay's verified
   * notification says paid; `refunding` until its REFUND.SUCCESS says the money went back.
   */
  payment: z.object({ state: PaymentState, paymentId: z.string() }).optional(),
});
export type HouseholdShare = z.infer<typeof HouseholdShare>;

export const Order = z.object({
  orderId: z.string(),
  kind: z.enum(['single', 'group']),
  groupId: z.string().optional(),
  storeId: z.string(),
  storeName: z.string(),
  communityId: z.string(),
  slot: z.object({ slotId: z.string(), startsAt: z.string(), endsAt: z.string() }),
  fulfilment: Fulfilment,
  contactless: z.boolean(),
  /** A red or yellow household: contactless only, served from the reserved places. */
  priority: z.boolean(),
  /** Building, unit and room (a group order: its label, for the pick list). */
  address: z.object({ building: z.string(), unit: z.string(), room: z.string() }),
  /** Masked (王**, 138****5678) for everyone but the resident who ordered. */
  contact: z.object({ name: z.string(), phone: z.string() }),
  lines: z.array(OrderLine),
  totalFen: Fen,
  /**
   * Lines replaced or dropped while preparing: the total as ordered; `totalFen` is what is charged
   * now. Prepaid: the difference goes back through WeChat Pay (`differenceRefund`); pay on
   * delivery: it is simply not collected.
   */
  originalTotalFen: Fen.optional(),
  differenceRefund: z.object({ fen: Fen, state: z.enum(['refunding', 'refunded']) }).optional(),
  payment: z.object({
    method: PaymentMethod,
    state: PaymentState,
    paymentId: z.string(),
    /** Pay on delivery: how the community worker collected it at the door (已收款). */
    collected: Collected.optional(),
    /** Staff only: why WeChat Pay's refund needs a person (the store calls the resident; ops see the metric). */
    refundProblem: z.string().optional(),
  }),
  status: OrderStatus,
  timeline: z.array(TimelineEntry),
  /** Only the resident who ordered sees it; the worker asks for it at the door. */
  pickupCode: z.string().optional(),
  rejectReason: z.string().optional(),
  breakdown: z.array(HouseholdShare).optional(),
  createdAt: z.string(),
});
export type Order = z.infer<typeof Order>;

/**
 * A prepaid order still to be paid comes with the cashier's parameters (WeChat Pay's
 * `requestPayment`: timeStamp, nonceStr, package, signType, paySign); the order is paid only when
 * WeChat Pay's verified notification says so.
 */
export const ClientParams = z.record(z.string(), z.string());
export const OrderResponse = z.object({ order: Order, clientParams: ClientParams.optional() });
export const OrdersResponse = z.object({ orders: z.array(Order) });

export const AdvanceRequest = z
  .object({
    action: z.enum(['accept', 'reject', 'prepare', 'dispatch']),
    reason: z.string().trim().min(2, '请写明拒单原因').max(100, '原因太长').optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.action === 'reject' && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '请写明拒单原因' });
  });

export const ConfirmDeliveryRequest = z
  .object({
    pickupCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '取货码是 6 位数字'),
    /** When the worker confirmed it on the phone (it may sync later, from the offline queue). */
    confirmedAt: IsoTime.optional(),
    /**
     * Pay on delivery (required for it, refused for a prepaid order): the worker collected the
     * money at the door (已收款). The amount is the order's, as the server has it.
     */
    collected: Collected.optional(),
  })
  .strict();

export const DeliveryConfirmation = z.object({
  orderId: z.string(),
  status: z.literal('delivered'),
  deliveredAt: z.string(),
  /** Pay on delivery: what was collected at the door, and how. */
  collected: z.object({ method: Collected, amountFen: Fen }).optional(),
});

/** Field schemas shared with ./grocery-lists (not part of the package's exports). */
export const groceryFields = { Id, IsoTime, Fen, Lines };
