import { ErrorBody } from '@citycare/contract';
import * as resident from '../../src/utility/handlers';
import { call } from './helpers';
import { callRaw, IN_WINDOW, makeAccount, newHousehold, rowsOf, setNow } from './utility-fixtures';

/** Attacks on the utility domain (issue 10): guessing holder names. Refusals change nothing. */

beforeEach(() => setNow(IN_WINDOW));

const link = (token: string, accountNo: string, holderName: string) =>
  call(resident.linkAccount, { token, body: { accountNo, holderName } });

const WRONG = ['王秀英', '王秀芳', '王秀华', '王秀珍', '王秀梅', '王秀云', '王秀玲', '王秀荣', '王秀琴', '王秀红'];

describe('guessing the holder name of an account', () => {
  it('refuses a user after 5 wrong names a day with 429 and Retry-After, even with the right name; links nothing', async () => {
    const stranger = await newHousehold();
    const no = await makeAccount({ holderName: '王秀兰' });
    const before = JSON.stringify(await rowsOf(no));
    for (const name of WRONG.slice(0, 5)) expect((await link(stranger.token, no, name)).status).toBe(422);
    const res = await callRaw(resident.linkAccount, {
      token: stranger.token,
      body: { accountNo: no, holderName: '王秀兰' },
    });
    expect(res.statusCode).toBe(429);
    expect(ErrorBody.parse(JSON.parse(String(res.body))).error.code).toBe('RATE_LIMITED');
    expect(Number(res.headers?.['retry-after'])).toBeGreaterThan(0);
    // The limit is per user: guessing another account is refused too.
    expect((await link(stranger.token, await makeAccount(), '王秀兰')).status).toBe(429);
    expect(JSON.stringify(await rowsOf(no))).toBe(before);
  });

  it('refuses every user after 10 wrong names a day for one account', async () => {
    const no = await makeAccount({ holderName: '王秀兰' });
    const before = JSON.stringify(await rowsOf(no));
    for (const name of WRONG) {
      const guesser = await newHousehold();
      expect((await link(guesser.token, no, name)).status).toBe(422);
    }
    const next = await newHousehold();
    const res = await link(next.token, no, '王秀兰');
    expect(res.status).toBe(429);
    expect(ErrorBody.parse(res.body).error.code).toBe('RATE_LIMITED');
    expect(JSON.stringify(await rowsOf(no))).toBe(before);
  });

  it('does not count right names: a household links many accounts, after a few typos', async () => {
    const hh = await newHousehold();
    for (const name of WRONG.slice(0, 4)) {
      const no = await makeAccount({ holderName: '王秀兰' });
      expect((await link(hh.token, no, name)).status).toBe(422);
      expect((await link(hh.token, no, '王秀兰')).status).toBe(201);
    }
    for (let i = 0; i < 4; i++) expect((await link(hh.token, await makeAccount(), '王秀兰')).status).toBe(201);
    // Four wrong so far: one more wrong name is still answered as wrong, the next is refused.
    const other = await makeAccount({ holderName: '刘德福' });
    expect((await link(hh.token, other, '王秀兰')).status).toBe(422);
    expect((await link(hh.token, other, '刘德福')).status).toBe(429);
  });
});
