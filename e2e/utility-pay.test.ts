import type { Route } from 'playwright-core';
import { apiAs, appUrl, keepScreenshot, phoneBrowser, signInAs, visibleText } from './lib/browser';

/**
 * Paying utility bills with WeChat Pay in the H5 build against the real local stack and its
 * WeChat Pay simulator (the H5 build's simulated cashier pays there; the simulator posts signed,
 * encrypted notifications to the API's notify route). The local clock plays 2020-02-10.
 *
 * 刘德福 pays his gas bill; the notification is held back and his phone cannot reach the API
 * after the cashier: the bill stays unpaid until WeChat Pay's notification arrives. 李建国, the
 * community worker of 建设社区, pays two households' bills in one order.
 */
const GAS_ACCOUNT = '2200789012';

const { newPage } = phoneBrowser();

interface Detail {
  account: { arrearsFen: number };
  bills: { paid: boolean; paying?: boolean }[];
}

describe('paying bills with WeChat Pay (H5 build, real local API and simulator)', () => {
  it('a resident’s bill shows paid only after WeChat Pay’s notification', async () => {
    const asResident2 = await apiAs('resident2');
    const linked = await asResident2('POST', '/utility/accounts', { accountNo: GAS_ACCOUNT, holderName: '刘德福' });
    expect([200, 201]).toContain(linked.status);
    const detail = async () => (await asResident2('GET', `/utility/accounts/${GAS_ACCOUNT}`)).body as Detail;

    const page = await newPage();
    await signInAs(page, '刘德福');
    await page.goto(appUrl(`/bills/pages/account/index?accountNo=${GAS_ACCOUNT}`));
    const started = page.waitForResponse(
      (r) => r.url() === `${process.env.E2E_API_BASE}/utility/payments` && r.request().method() === 'POST',
    );
    await visibleText(page, '缴纳全部欠费 ¥86.40').click();
    await visibleText(page, '确定', true).click();
    const { payment } = (await (await started).json()) as { payment: { paymentId: string } };

    await visibleText(page, '确认支付', true).waitFor();
    await visibleText(page, '¥86.40').waitFor();
    await keepScreenshot(page, 'utility-pay-cashier');
    expect((await detail()).bills.map((b) => [b.paid, b.paying ?? false])).toEqual([[false, true]]);

    // WeChat Pay takes the money but its notification is held back, and the phone loses the API.
    await page.route(`${process.env.E2E_WECHATPAY_SIM}/sim/pay/*`, (route: Route) =>
      route.request().method() === 'POST'
        ? route.continue({ postData: JSON.stringify({ action: 'confirm', notify: false }) })
        : route.continue(),
    );
    const offline = (url: URL) => url.href.startsWith(`${process.env.E2E_API_BASE}/payments/`);
    await page.route(offline, (route: Route) => route.abort('internetdisconnected'));
    await visibleText(page, '确认支付', true).click();
    await visibleText(page, '支付结果确认中').waitFor({ timeout: 20000 });
    await keepScreenshot(page, 'utility-pay-unconfirmed');
    expect(await detail()).toMatchObject({ account: { arrearsFen: 8640 }, bills: [{ paid: false, paying: true }] });

    // The notification, signed and encrypted by the simulator, reaches the API's notify route.
    const sent = await fetch(`${process.env.E2E_WECHATPAY_SIM}/sim/notify/${payment.paymentId}`, {
      method: 'POST',
      body: JSON.stringify({ variant: 'genuine' }),
    });
    expect(((await sent.json()) as { status: number }).status).toBe(204);
    expect(await detail()).toMatchObject({ account: { arrearsFen: 0 }, bills: [{ paid: true }] });

    await page.unroute(offline);
    await visibleText(page, '刷新支付结果', true).click();
    await visibleText(page, '缴费成功').waitFor({ timeout: 10000 });
    await visibleText(page, '已缴').waitFor();
    await expect(page.getByText('未缴', { exact: true }).filter({ visible: true }).count()).resolves.toBe(0);
    await keepScreenshot(page, 'utility-pay-paid');
  });

  it('a community worker pays two households’ bills in one WeChat Pay order', async () => {
    const page = await newPage();
    await signInAs(page, '李建国');
    await page.goto(appUrl('/worker/pages/index/index'));
    await visibleText(page, '代缴水电气暖费').click();
    await page.waitForURL(/worker\/pages\/bulk-pay/);
    await visibleText(page, '建设社区 欠费住户').waitFor();
    await visibleText(page, '张*芝 · 水费').click();
    await visibleText(page, '赵*珍 · 电费').click();
    await visibleText(page, '已选 2 户，欠费 ¥159.80').waitFor();
    await keepScreenshot(page, 'utility-bulk-list');

    await visibleText(page, '核对金额（含滞纳金）').click();
    await visibleText(page, '核对代缴金额').waitFor();
    // 3120 fen due 2020-01-15, 26 days late at 0.1 %/day: 81 fen; the other two bills are not late.
    await visibleText(page, '含滞纳金 ¥0.81').waitFor();
    await keepScreenshot(page, 'utility-bulk-quote');
    await visibleText(page, '微信支付 ¥160.61').click();
    await visibleText(page, '确认支付', true).waitFor();
    await visibleText(page, '建设社区 代缴 2 户').waitFor();
    await visibleText(page, '¥160.61').waitFor();
    await keepScreenshot(page, 'utility-bulk-cashier');
    await visibleText(page, '确认支付', true).click();
    await visibleText(page, '代缴成功').waitFor({ timeout: 15000 });
    await visibleText(page, '请勾选要代缴的住户').waitFor();
    // The list reloads after the payment: the two households leave it (no visible row remains).
    await page.getByText('张*芝 · 水费').filter({ visible: true }).waitFor({ state: 'detached' });
    await page.getByText('赵*珍 · 电费').filter({ visible: true }).waitFor({ state: 'detached' });

    const asWorker = await apiAs('worker');
    const arrears = (await asWorker('GET', '/utility/community/zq-jianshe/arrears')).body as {
      accounts: { accountNo: string }[];
    };
    expect(arrears.accounts.map((a) => a.accountNo)).not.toContain('0101880011');
    expect(arrears.accounts.map((a) => a.accountNo)).not.toContain('3100880022');
    await keepScreenshot(page, 'utility-bulk-paid');
  });
});
