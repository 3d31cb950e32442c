import { SlotInput } from '@citycare/contract';
import { AppError, notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { requireStore } from '../access';
import { clock } from '../wiring';
import { refuseSlot, SLOT_REFUSALS } from './rules';
import { getStore, itemsOf, listSlots, priceCaps, saveItem, saveSlot, storesServing } from './storage';
import { slotView } from './views';

/** The catalogue: residents find stores, items and open slots; store operators keep items and slots. */

/** GET /grocery/communities/{communityId}/stores */
export const stores = endpoint('groceryStores', {}, async ({ params }) => ({
  stores: await storesServing(params.communityId ?? ''),
}));

/** GET /grocery/stores/{storeId}/catalogue: the items, with the regulator's caps. */
export const catalogue = endpoint('groceryCatalogue', {}, async ({ params }) => {
  const storeId = params.storeId ?? '';
  const [store, items, caps] = await Promise.all([getStore(storeId), itemsOf(storeId), priceCaps()]);
  if (!store) throw notFound('没有这家商户');
  return { store, items, caps };
});

/** GET /grocery/stores/{storeId}/slots: the slots still taking orders. */
export const slots = endpoint('grocerySlots', {}, async ({ params }) => {
  const now = clock.now();
  const storeId = params.storeId ?? '';
  if (!(await getStore(storeId))) throw notFound('没有这家商户');
  return { slots: (await listSlots(storeId, now)).map((s) => slotView(s, now)).filter((s) => s.open) };
});

/** PUT /grocery/stores/{storeId}/items: add or edit an item, within its category's price cap. */
export const putItem = endpoint('groceryPutItem', { roles: ['store'] }, async ({ params, body, caller }) => {
  const storeId = params.storeId ?? '';
  requireStore(caller, storeId);
  return { item: await saveItem(storeId, body, clock.now()) };
});

/** POST /grocery/stores/{storeId}/slots */
export const addSlot = endpoint('groceryAddSlot', { roles: ['store'] }, async ({ params, body, caller }) => {
  const storeId = params.storeId ?? '';
  requireStore(caller, storeId);
  const now = clock.now();
  const refusal = refuseSlot(body, now);
  if (refusal) throw new AppError('UNPROCESSABLE', SLOT_REFUSALS[refusal]);
  return new Reply(201, { slot: await saveSlot(storeId, SlotInput.parse(body), now) });
});
