import { benchEvent, benchToken } from './harness';
import { countRequests } from './requests';

/**
 * DynamoDB requests per relief application, staff approval and disconnection attempt, on the
 * seeded demo accounts (config/utility.yml), with the domain clock set inside, before or after the window.
 */
export async function benchUtilityRequests(): Promise<void> {
  const { linkAccount } = await import('../../functions/src/utility/accounts/handlers');
  const { applyRelief, decideRelief } = await import('../../functions/src/utility/relief/handlers');
  const { disconnectAccount } = await import('../../functions/src/utility/staff/handlers');
  const { setClock } = await import('../../functions/src/utility/clock');
  const { userIdForOpenid } = await import('../../functions/src/auth/identity');
  const [wang, liu, zhao] = [await benchToken('resident'), await benchToken('resident2'), await benchToken('utility')];
  const inWindow = () => setClock(() => new Date('2020-02-10T02:00:00.000Z'));
  const beforeWindow = () => setClock(() => new Date('2020-01-20T02:00:00.000Z'));
  // After the window (and its grace): only then may an account without relief be disconnected.
  const afterWindow = () => setClock(() => new Date('2020-08-10T02:00:00.000Z'));
  const link = (token: string, accountNo: string, holderName: string) =>
    linkAccount(benchEvent({ token, body: { accountNo, holderName } }));
  const disconnect = (accountNo: string) =>
    disconnectAccount(
      benchEvent({ token: zhao, params: { company: 'ut-water', accountNo }, body: { reason: '欠费停供' } }),
    );

  await countRequests('DynamoDB requests per use case: utility relief', [
    {
      name: 'link an account',
      floor: 2,
      floorNote: 'GetItem (name check) + 1 transaction (account + link)',
      setup: async () => inWindow(),
      run: () => link(wang, '0101234567', '王秀兰'),
    },
    {
      name: 'apply for relief (2 accounts, inside window)',
      floor: 2,
      floorNote: 'Query household + 1 transaction (parts, accounts protected, audit)',
      setup: () => link(wang, '3100456789', '王秀兰'),
      run: () => applyRelief(benchEvent({ token: wang, body: { hardship: '疫情期间停工' } })),
    },
    {
      name: 'staff approve an application',
      floor: 3,
      floorNote: 'GetItem (fresh staff roles) + Query household + 1 transaction',
      setup: async () => {
        beforeWindow();
        await link(liu, '0101765432', '刘德福');
        await applyRelief(benchEvent({ token: liu, body: { hardship: '疫情期间停工' } }));
      },
      run: () =>
        decideRelief(
          benchEvent({
            token: zhao,
            params: { company: 'ut-water', householdId: userIdForOpenid('dev:resident2') },
            body: { decision: 'approve' },
          }),
        ),
    },
    {
      name: 'disconnect attempt, refused (relief window)',
      floor: 3,
      floorNote: 'GetItem (roles) + 1 conditional transaction + PutItem (audit of the refusal)',
      setup: async () => inWindow(),
      run: () => disconnect('0101234567'),
    },
    {
      name: 'disconnect attempt, allowed',
      floor: 2,
      floorNote: 'GetItem (roles) + 1 conditional transaction (account + audit)',
      setup: async () => afterWindow(),
      run: () => disconnect('0101880011'),
    },
  ]);
  setClock(undefined);
}
