import { benchEvent, benchToken } from './harness';
import { countRequests } from './requests';

/** DynamoDB requests per sign-in, /me and role change. */
export async function benchAuthRequests(): Promise<void> {
  const { login, me } = await import('../../functions/src/auth/handlers');
  const { grantRole } = await import('../../functions/src/admin/handlers');
  const { userIdForOpenid } = await import('../../functions/src/auth/identity');
  const admin = await benchToken('admin');
  const resident = await benchToken('resident');
  await countRequests('DynamoDB requests per use case: sign-in and roles', [
    {
      name: 'sign in (returning user)',
      floor: 1,
      floorNote: '1 GetItem of the user',
      run: () => login(benchEvent({ body: { code: 'dev:resident' } })),
    },
    {
      name: 'sign in (first time)',
      floor: 2,
      floorNote: 'GetItem + conditional PutItem',
      run: () => login(benchEvent({ body: { code: 'dev:bench-newcomer' } })),
    },
    {
      name: 'GET /me',
      floor: 1,
      floorNote: '1 GetItem',
      run: () => me(benchEvent({ method: 'GET', token: resident })),
    },
    {
      name: 'grant a role',
      floor: 3,
      floorNote: 'GetItem (fresh admin roles) + 1 transaction + GetItem (answer)',
      run: () =>
        grantRole(
          benchEvent({
            token: admin,
            body: { userId: userIdForOpenid('dev:resident2'), grant: { role: 'worker', scope: 'zq-yingbin' } },
          }),
        ),
    },
  ]);
}
