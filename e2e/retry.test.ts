import type { Page, Route } from 'playwright-core';
import { apiAs, appUrl, isApiRequest, keepScreenshot, phoneBrowser, signInAs, visibleText } from './lib/browser';

/**
 * Issue 18, the app's side: when the API is busy (503 with Retry-After), the 缴费 tab says
 * 「人多，正在重试…」 instead of an error, waits as told, and recovers by itself; when the API
 * stays busy, it stops after a bounded number of attempts and shows the error with 重试. A write
 * that carries an Idempotency-Key (a utility payment) is retried with the same key and paid once.
 */
const NOTICE = '人多，正在重试…';
const BANNER = '疫情期间 欠费不停供';

const { newPage } = phoneBrowser();

const isOverview = (url: URL) => url.href === `${process.env.E2E_API_BASE}/utility`;
const BUSY_MESSAGE = '系统繁忙，请稍后再试';

/** Answers this request as the API does when busy: 503, Retry-After: 1, readable by the app. */
function answerBusy(route: Route) {
  return route.fulfill({
    status: 503,
    headers: {
      'Content-Type': 'application/json',
      'Retry-After': '1',
      'Access-Control-Allow-Origin': new URL(appUrl()).origin,
      'Access-Control-Expose-Headers': 'Retry-After',
    },
    body: JSON.stringify({ error: { code: 'TRY_AGAIN', message: BUSY_MESSAGE } }),
  });
}

/** Answers GET /utility with 503 (Retry-After: 1) `busyTimes` times, then lets it through. */
async function busyOverview(page: Page, busyTimes: number): Promise<number[]> {
  const hits: number[] = [];
  await page.route(isOverview, async (route: Route) => {
    const req = route.request();
    if (!isApiRequest(req.method(), req.url()) || req.method() !== 'GET') return route.continue();
    hits.push(Date.now());
    if (hits.length > busyTimes) return route.continue();
    return answerBusy(route);
  });
  return hits;
}

describe('a busy API (H5 build, real local API behind page.route)', () => {
  it('503 twice, then the page recovers by itself, saying 人多，正在重试… meanwhile', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    const hits = await busyOverview(page, 2);
    await page.goto(appUrl('/pages/bills/index'));
    await visibleText(page, NOTICE).waitFor({ timeout: 5000 });
    await keepScreenshot(page, 'retry-busy-notice');
    await visibleText(page, BANNER).waitFor({ timeout: 15000 });
    await keepScreenshot(page, 'retry-recovered');

    expect(hits).toHaveLength(3);
    // Retry-After: 1 honoured (with at most 20% jitter on top), not hammered.
    const gaps = [hits[1]! - hits[0]!, hits[2]! - hits[1]!];
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(950);
      expect(gap).toBeLessThan(3000);
    }
    await expect(page.getByText(BUSY_MESSAGE).filter({ visible: true }).count()).resolves.toBe(0);
  });

  it('503 for good: three attempts within 10 s, then the error with 重试, and quiet afterwards', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    const hits = await busyOverview(page, Number.POSITIVE_INFINITY);
    const start = Date.now();
    await page.goto(appUrl('/pages/bills/index'));
    await visibleText(page, NOTICE).waitFor({ timeout: 5000 });
    await visibleText(page, BUSY_MESSAGE).waitFor({ timeout: 12000 });
    expect(Date.now() - start).toBeLessThan(10000);
    await visibleText(page, '重试', true).waitFor();
    await keepScreenshot(page, 'retry-gave-up');
    expect(hits).toHaveLength(3);
    await page.waitForTimeout(3000);
    expect(hits).toHaveLength(3);

    // The API is back: 重试 loads the page.
    await page.unroute(isOverview);
    await visibleText(page, '重试', true).click();
    await visibleText(page, BANNER).waitFor({ timeout: 10000 });
  });

  it('a keyed write (a utility payment) answered 503 once is sent again with the same Idempotency-Key', async () => {
    // 刘德福's second demo account (the idle test links his first; 王秀兰's belong to the utility test).
    const accountNo = '0101765432';
    const asResident2 = await apiAs('resident2');
    const linked = await asResident2('POST', '/utility/accounts', { accountNo, holderName: '刘德福' });
    expect([200, 201]).toContain(linked.status);

    const page = await newPage();
    await signInAs(page, '刘德福');
    const keys: (string | undefined)[] = [];
    await page.route(
      (url) => url.href === `${process.env.E2E_API_BASE}/utility/payments`,
      async (route: Route) => {
        const req = route.request();
        if (req.method() !== 'POST') return route.continue();
        keys.push(req.headers()['idempotency-key']);
        if (keys.length > 1) return route.continue();
        return answerBusy(route);
      },
    );
    await page.goto(appUrl(`/bills/pages/account/index?accountNo=${accountNo}`));
    await visibleText(page, /缴纳全部欠费/).click();
    await visibleText(page, '确定', true).click();
    await visibleText(page, NOTICE).waitFor({ timeout: 5000 });
    // The payment is placed with WeChat Pay: the H5 build's simulated cashier takes it.
    await visibleText(page, '确认支付', true).click({ timeout: 10000 });
    await visibleText(page, '缴费成功').waitFor({ timeout: 10000 });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/\S/);
    expect(keys[1]).toBe(keys[0]);

    // Paid: every bill of the account is paid (the server applies one Idempotency-Key once).
    const detail = await asResident2('GET', `/utility/accounts/${accountNo}`);
    const bills = (detail.body as { bills: { paid: boolean }[] }).bills;
    expect(bills.length).toBeGreaterThan(0);
    expect(bills.every((b) => b.paid)).toBe(true);
    await keepScreenshot(page, 'retry-keyed-payment');
  });
});
