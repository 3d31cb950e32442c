import * as z from 'zod';
import type { RouteDef } from './route-def';

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
 * and, for a scarce item, the household's daily counter; plus the slot, the order, the payment
 * and the idempotency record: 2 × 40 + 4 = 84 ≤ 100.
 */
export const MAX_LINES_PER_ORDER = 40;
export const MAX_QTY_PER_LINE = 99;

const Id = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '编号只能包含小写字母、数字和连字符');
const Fen = z.number().int('金额以分为单位，必须是整数').min(0, '金额不能为负数');
const IsoTime = z.iso.datetime({ message: '时间格式应为 ISO-8601（UTC）' });
const AddressPart = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(16, `${label}太长`)
    .regex(/^[0-9A-Za-z\u4e00-\u9fa5-]+$/, `${label}只能包含汉字、字母、数字和连字符`);

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
export const PaymentState = z.enum(['pending', 'paid', 'cancelled']);
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
});
export type OrderLine = z.infer<typeof OrderLine>;

export const TimelineEntry = z.object({ status: OrderStatus, at: z.string(), note: z.string().optional() });

export const HouseholdShare = z.object({
  memberId: z.string(),
  household: z.string(),
  contactName: z.string(),
  lines: z.array(OrderLine),
  totalFen: Fen,
  paid: z.boolean(),
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
  payment: z.object({ method: PaymentMethod, state: PaymentState, paymentId: z.string() }),
  status: OrderStatus,
  timeline: z.array(TimelineEntry),
  /** Only the resident who ordered sees it; the worker asks for it at the door. */
  pickupCode: z.string().optional(),
  rejectReason: z.string().optional(),
  breakdown: z.array(HouseholdShare).optional(),
  createdAt: z.string(),
});
export type Order = z.infer<typeof Order>;

export const OrderResponse = z.object({ order: Order });
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
  })
  .strict();

export const DeliveryConfirmation = z.object({
  orderId: z.string(),
  status: z.literal('delivered'),
  deliveredAt: z.string(),
});

// ---- pick lists ----

export const PickTotal = z.object({ itemId: z.string(), name: z.string(), unit: z.string(), qty: z.number().int() });
export const PickListResponse = z.object({
  slot: Slot,
  storeName: z.string(),
  orderCount: z.number().int(),
  totals: z.array(PickTotal),
  /** The printable list: community -> building -> unit, each with its orders. */
  communities: z.array(
    z.object({
      communityId: z.string(),
      buildings: z.array(
        z.object({
          building: z.string(),
          units: z.array(
            z.object({
              unit: z.string(),
              orders: z.array(
                z.object({
                  orderId: z.string(),
                  room: z.string(),
                  contactName: z.string(),
                  contactless: z.boolean(),
                  status: OrderStatus,
                  lines: z.array(z.object({ name: z.string(), unit: z.string(), qty: z.number().int() })),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type PickListResponse = z.infer<typeof PickListResponse>;

// ---- complaints to the market regulator ----

export const ComplaintRequest = z
  .object({
    kind: z.enum(['price', 'quality']),
    text: z.string().trim().min(4, '请至少写 4 个字说明情况').max(500, '内容太长'),
  })
  .strict();

export const Complaint = z.object({
  complaintId: z.string(),
  orderId: z.string(),
  storeId: z.string(),
  kind: z.enum(['price', 'quality']),
  text: z.string(),
  createdAt: z.string(),
});
export const ComplaintResponse = z.object({ complaint: Complaint });
export const ComplaintsResponse = z.object({ complaints: z.array(Complaint) });

// ---- group orders (卡点购物车) ----

export const GroupStatus = z.enum(['open', 'closed', 'cancelled']);

export const OpenGroupRequest = z
  .object({
    storeId: Id,
    communityId: Id,
    slotId: Id,
    label: z.string().trim().min(2, '请填写团购名称，如 3号楼 或 北岔村').max(30, '名称太长'),
    cutoffAt: IsoTime,
    /** Who receives the consolidated order at the checkpoint: the store calls them. */
    contact: Contact,
  })
  .strict();

export const JoinGroupRequest = z.object({ address: Address, contact: Contact, lines: Lines }).strict();

export const Group = z.object({
  groupId: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  communityId: z.string(),
  slotId: z.string(),
  label: z.string(),
  cutoffAt: z.string(),
  status: GroupStatus,
  memberCount: z.number().int(),
  totalFen: Fen,
  orderId: z.string().optional(),
  /** The caller's own shares (a resident), or every household's (the worker who runs it). */
  shares: z.array(HouseholdShare),
  /** Consolidated totals per item (the worker). */
  totals: z.array(PickTotal),
  createdAt: z.string(),
});
export type Group = z.infer<typeof Group>;

export const GroupResponse = z.object({ group: Group });
export const GroupsResponse = z.object({ groups: z.array(Group) });
export const JoinGroupResponse = z.object({ group: Group, share: HouseholdShare });
export const CloseGroupResponse = z.object({ group: Group, order: Order.optional() });

export const groceryRoutes = {
  groceryStores: {
    method: 'GET',
    path: '/grocery/communities/{communityId}/stores',
    auth: true,
    response: z.object({ stores: z.array(StoreSummary) }),
  },
  groceryCatalogue: {
    method: 'GET',
    path: '/grocery/stores/{storeId}/catalogue',
    auth: true,
    response: CatalogueResponse,
  },
  grocerySlots: {
    method: 'GET',
    path: '/grocery/stores/{storeId}/slots',
    auth: true,
    response: z.object({ slots: z.array(Slot) }),
  },
  groceryCheckout: {
    method: 'POST',
    path: '/grocery/orders',
    auth: true,
    body: CheckoutRequest,
    response: OrderResponse,
  },
  groceryMyOrders: { method: 'GET', path: '/grocery/orders', auth: true, response: OrdersResponse },
  groceryOrder: { method: 'GET', path: '/grocery/orders/{orderId}', auth: true, response: OrderResponse },
  groceryCancel: { method: 'POST', path: '/grocery/orders/{orderId}/cancel', auth: true, response: OrderResponse },
  groceryPay: { method: 'POST', path: '/grocery/orders/{orderId}/pay', auth: true, response: OrderResponse },
  groceryComplain: {
    method: 'POST',
    path: '/grocery/orders/{orderId}/complaints',
    auth: true,
    body: ComplaintRequest,
    response: ComplaintResponse,
  },
  groceryComplaints: { method: 'GET', path: '/grocery/complaints', auth: true, response: ComplaintsResponse },
  groceryPutItem: {
    method: 'PUT',
    path: '/grocery/stores/{storeId}/items',
    auth: true,
    body: ItemInput,
    response: z.object({ item: CatalogueItem }),
  },
  groceryAddSlot: {
    method: 'POST',
    path: '/grocery/stores/{storeId}/slots',
    auth: true,
    body: SlotInput,
    response: z.object({ slot: Slot }),
  },
  groceryStoreOrders: { method: 'GET', path: '/grocery/stores/{storeId}/orders', auth: true, response: OrdersResponse },
  groceryAdvance: {
    method: 'POST',
    path: '/grocery/orders/{orderId}/advance',
    auth: true,
    body: AdvanceRequest,
    response: OrderResponse,
  },
  groceryPickList: {
    method: 'GET',
    path: '/grocery/stores/{storeId}/slots/{slotId}/picklist',
    auth: true,
    response: PickListResponse,
  },
  groceryDeliveries: {
    method: 'GET',
    path: '/grocery/communities/{communityId}/deliveries',
    auth: true,
    response: OrdersResponse,
  },
  groceryConfirm: {
    method: 'POST',
    path: '/grocery/orders/{orderId}/deliver',
    auth: true,
    body: ConfirmDeliveryRequest,
    response: DeliveryConfirmation,
  },
  groceryOpenGroup: {
    method: 'POST',
    path: '/grocery/groups',
    auth: true,
    body: OpenGroupRequest,
    response: GroupResponse,
  },
  groceryGroups: {
    method: 'GET',
    path: '/grocery/communities/{communityId}/groups',
    auth: true,
    response: GroupsResponse,
  },
  groceryGroup: { method: 'GET', path: '/grocery/groups/{groupId}', auth: true, response: GroupResponse },
  groceryJoinGroup: {
    method: 'POST',
    path: '/grocery/groups/{groupId}/join',
    auth: true,
    body: JoinGroupRequest,
    response: JoinGroupResponse,
  },
  groceryPayShare: {
    method: 'POST',
    path: '/grocery/groups/{groupId}/shares/{memberId}/pay',
    auth: true,
    response: JoinGroupResponse,
  },
  groceryCloseGroup: {
    method: 'POST',
    path: '/grocery/groups/{groupId}/close',
    auth: true,
    response: CloseGroupResponse,
  },
} as const satisfies Record<string, RouteDef>;
