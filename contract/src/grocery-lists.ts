import * as z from 'zod';
import { groceryFields, Address, ClientParams, Contact, HouseholdShare, Order, OrderStatus } from './grocery';
import { Slot } from './grocery-catalogue';

/** Grocery pick lists, complaints to the market regulator and village group orders. */

const { Id, IsoTime, Fen, Lines } = groceryFields;

// ---- pick lists ----

export const PickTotal = z.object({ itemId: z.string(), name: z.string(), unit: z.string(), qty: z.number().int() });
export const PickListResponse = z.object({
  slot: Slot,
  storeName: z.string(),
  orderCount: z.number().int(),
  totals: z.array(PickTotal),
  /** 隔离户优先: the slot's orders from red or yellow households, to be picked first (ids, in list order). */
  priorityOrderIds: z.array(z.string()),
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
                  /** A red or yellow household (隔离户优先): its orders are picked first. */
                  priority: z.boolean(),
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

/** A complaint as the market regulator sees it: with the store, the order's state and a masked contact. */
export const RegulatorComplaint = Complaint.extend({
  storeName: z.string(),
  /** The order's status now. */
  orderStatus: OrderStatus,
  /** Masked: 王**, 138****5678. */
  contact: z.object({ name: z.string(), phone: z.string() }),
  handled: z.object({ at: z.string(), note: z.string(), by: z.string() }).optional(),
});
export type RegulatorComplaint = z.infer<typeof RegulatorComplaint>;
export const ComplaintsResponse = z.object({ complaints: z.array(RegulatorComplaint) });

export const HandleComplaintRequest = z
  .object({ note: z.string().trim().min(2, '请写明处理结果，至少 2 个字').max(200, '处理说明太长') })
  .strict();
export const HandledComplaintResponse = z.object({ complaint: RegulatorComplaint });

// ---- group orders (卡点购物车) ----

/**
 * `closing`: its cutoff has passed and it is about to become one order (it closes by itself
 * within minutes); nobody can join any more.
 */
export const GroupStatus = z.enum(['open', 'closing', 'closed', 'cancelled']);

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
/**
 * Joining or paying a share: its WeChat Pay cashier parameters (`requestPayment`) while it is to
 * be paid; the share is paid only when WeChat Pay's verified notification says so.
 */
export const JoinGroupResponse = z.object({
  group: Group,
  share: HouseholdShare,
  clientParams: ClientParams.optional(),
});
export const CloseGroupResponse = z.object({ group: Group, order: Order.optional() });
