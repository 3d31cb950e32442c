import { PRIVACY_VERSION } from '@citycare/contract/src/privacy';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { creditCheckChar } from '@citycare/contract/src/credit-code';
import { idCheckChar } from '@citycare/contract/src/health-id';
import { apiAs, appUrl, keepScreenshot, phoneBrowser, signInAs, visibleText } from './lib/browser';
import { verifyWithJwks } from './lib/qr';

/**
 * Signed place codes and 复工复产 in the H5 build against the real local stack: a company's
 * representative registers it, the district's official approves it, the representative sees the
 * gate's poster, whose QR (read from a screenshot) is a place code signed under the JWKS; a
 * resident pasting a forged copy of it is refused on the place-scan page, the real one shows
 * 已核验 and records the visit.
 */
const { newPage } = phoneBrowser({ console: true });

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE = (() => {
  let body = '91210800';
  for (let i = 0; i < 9; i++) body += CHARSET[Math.floor(Math.random() * 31)];
  return body + creditCheckChar(body);
})();
const NAME = `营口${Date.now().toString(36).slice(-4).toUpperCase()}轴承厂`;

/** Reads the QR of the poster on screen (what a resident's camera sees). */
async function posterQr(page: Page): Promise<string> {
  const qr = page.locator('.poster__qr img').filter({ visible: true }).first();
  await qr.waitFor({ timeout: 20000 });
  const png = PNG.sync.read(await qr.screenshot());
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  if (!found) throw new Error('no QR code found on the poster');
  return found.data;
}

/** Types into a field until the page keeps it (Taro H5 can drop what is typed as a page opens). */
async function fill(page: Page, selector: string, index: number, value: string) {
  const input = page.locator(selector).nth(index);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.fill(value);
    if ((await input.inputValue()) === value) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`${selector} #${index} does not keep ${value}`);
}

let companyId = '';
let gateToken = '';

describe('复工复产 and signed place codes (H5 build, real local API)', () => {
  it('a representative registers a company; a bad credit code is refused in the form', async () => {
    const rep = await newPage();
    await signInAs(rep, '郑宏');
    await rep.goto(appUrl('/staff/pages/company-form/index'));
    await fill(rep, '.field__input input', 0, NAME);
    await fill(rep, '.field__input input', 1, `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE[17] === '0' ? '1' : '0'}`);
    await visibleText(rep, /校验位不对/).waitFor();
    await fill(rep, '.field__input input', 1, CREDIT_CODE);
    await fill(rep, '.field__input input', 2, '站前区跃进街道渤海大街 12 号');
    await visibleText(rep, '站前区', true).click();
    await fill(rep, '.field__input input', 3, '48');
    await fill(rep, '.field__textarea textarea', 0, '上下班两次测温，门岗逐人查验健康码');
    await fill(rep, '.field__textarea textarea', 1, '车间每日两次消毒，开窗通风');
    await fill(rep, '.field__textarea textarea', 2, '分三批错峰就餐，盒饭到岗');
    await keepScreenshot(rep, 'company-register-form');
    await visibleText(rep, '提交审核').click();
    await rep.waitForURL(/company-detail/, { timeout: 20000 });
    companyId = new URL(rep.url().replace('#', '')).searchParams.get('companyId') ?? '';
    expect(companyId).toMatch(/^co-/);
    await visibleText(rep, '待审核').waitFor({ timeout: 20000 });
    await keepScreenshot(rep, 'company-pending');
  });

  it('the district official (高峰) approves it from the queue', async () => {
    const reviewer = await newPage();
    await signInAs(reviewer, '高峰');
    await reviewer.goto(appUrl('/staff/pages/company-review/index'));
    const item = reviewer.locator('.company-review__item').filter({ hasText: NAME }).first();
    await item.waitFor({ timeout: 20000 });
    await keepScreenshot(reviewer, 'company-review-queue');
    await item.getByText('批准复工').click();
    await item.waitFor({ state: 'detached', timeout: 20000 });
  });

  it('the representative sees 已批准复工 and the gate poster, a place code signed under the JWKS', async () => {
    const rep = await newPage();
    await signInAs(rep, '郑宏');
    await rep.goto(appUrl(`/staff/pages/company-detail/index?companyId=${companyId}`));
    await visibleText(rep, '已批准复工').waitFor({ timeout: 20000 });
    await visibleText(rep, '门岗每日扫码统计').waitFor({ timeout: 20000 });
    gateToken = await posterQr(rep);
    await keepScreenshot(rep, 'company-gate-poster');
    const claims = await verifyWithJwks(gateToken);
    expect(claims).toMatchObject({ t: 'place', sub: companyId, k: 'company', n: `${NAME}（企业门岗）`, d: 'zhanqian' });
  });

  it('a resident is refused a forged place code and verifies the real one (已核验) before it is recorded', async () => {
    const api = await apiAs('resident2');
    const first17 = `21080219500101${String(Math.floor(Math.random() * 900) + 100)}`;
    const registered = await api('POST', '/health/register', {
      name: '刘德福',
      idNumber: first17 + idCheckChar(first17),
      phone: '13900001111',
      community: 'zq-jianshe',
      consentVersion: PRIVACY_VERSION,
    });
    // 409: another test file registered this demo account first; either way they have a code.
    expect([201, 409]).toContain(registered.status);
    const household = await api('GET', '/health/me');
    const residentId = (household.body as { residents: { residentId: string }[] }).residents[0]?.residentId ?? '';
    const resident = await newPage();
    await signInAs(resident, '刘德福');
    await resident.goto(appUrl(`/health/pages/place-scan/index?residentId=${residentId}`));
    // A copy of the gate's code with another name: the signature no longer matches.
    const [h, p, s] = gateToken.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, n: '营口站' })).toString('base64url')}.${s}`;
    await fill(resident, '.field__textarea textarea', 0, forged);
    await visibleText(resident, '核验场所码').click();
    await visibleText(resident, /场所码未通过核验.*伪造/).waitFor({ timeout: 20000 });
    await expect(resident.getByText('已核验').count()).resolves.toBe(0);
    await keepScreenshot(resident, 'place-scan-forged');
    await fill(resident, '.field__textarea textarea', 0, 'citycare:place:vn-yingkou-station');
    await visibleText(resident, '核验场所码').click();
    await visibleText(resident, /旧版/).waitFor({ timeout: 20000 });

    await fill(resident, '.field__textarea textarea', 0, gateToken);
    await visibleText(resident, '核验场所码').click();
    await visibleText(resident, `已核验：${NAME}（企业门岗）`).waitFor({ timeout: 20000 });
    await keepScreenshot(resident, 'place-scan-verified');
    await visibleText(resident, '确认登记').click();
    await visibleText(resident, '可以通行').waitFor({ timeout: 20000 });
    await keepScreenshot(resident, 'place-scan-recorded');

    // The company's page counts the scan, without names.
    const rep = await apiAs('company');
    const counts = await rep('GET', `/company/companies/${companyId}/gate-counts`);
    expect((counts.body as { days: { scans: number }[] }).days[0]?.scans).toBe(1);
  });
});
