import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../src/lib/dynamo';
import { health } from '../../src/grocery/wiring';
import { householdPk, PROFILE_PREFIX } from '../../src/health/keys';
import { signedIn } from './helpers';
import { orderBody, placeOrder, shopper, slotRow } from './grocery-fixtures';

/** Red and yellow households (from the health code): contactless only, and first claim on slots. */
const [store] = signedIn('store');
afterEach(() => jest.restoreAllMocks());

describe('red and yellow households', () => {
  it('are delivered contactless only and may not choose pickup', async () => {
    const { me, item, slotId } = await shopper(store.token);
    jest.spyOn(health, 'colourOf').mockResolvedValue('yellow');
    const pickup = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { fulfilment: 'pickup' }));
    expect(pickup.status).toBe(422);
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { contactless: false }));
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ contactless: true, priority: true });
  });

  it('get the places held back when everyone else has filled the rest', async () => {
    const { me, item, slotId } = await shopper(store.token, {}, 5);
    // capacity 5: 1 place held for red/yellow households, 4 for anyone
    for (let i = 0; i < 4; i++)
      expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(201);
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(409);
    jest.spyOn(health, 'colourOf').mockResolvedValue('red');
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(201);
    expect((await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }]))).status).toBe(409);
    expect(await slotRow(slotId)).toMatchObject({ booked: 5, generalBooked: 4, capacity: 5 });
  });
});

describe('the health-code port', () => {
  it('reads the household colour from the health service: a red household is served contactless from the reserved places', async () => {
    const { me, item, slotId } = await shopper(store.token);
    await db().send(
      new PutCommand({
        TableName: process.env.TABLE_HEALTH,
        Item: { pk: householdPk(me.userId), sk: `${PROFILE_PREFIX}grocery-test`, colour: 'red' },
      }),
    );
    const res = await placeOrder(me.token, orderBody(slotId, [{ itemId: item, qty: 1 }], { contactless: false }));
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ priority: true, contactless: true });
    expect(await slotRow(slotId)).toMatchObject({ booked: 1, generalBooked: 0 });
  });
});
