import type { Page } from 'playwright-core';
import { PRIVACY_VERSION, cityDateTime } from '@citycare/contract';
import { idCheckChar } from '@citycare/contract/src/health-id';
import { apiAs, appUrl, keepScreenshot, phoneBrowser, signInAs, visibleText } from './lib/browser';

/**
 * Health officials working the queue in the H5 build against the real local stack: 陈静 finds a
 * resident by ID number and copies their id from the review page to tracing; traces a place over
 * a from–to range (a bad range refused, by the page or by the server); and reads the audit log of
 * who looked at whom, filtered by resident and by official. A resident cannot open the log.
 */

const { newPage } = phoneBrowser({ errors: true });

/** A valid ID number (checksum computed) for a Yingkou resident born in 1962. */
const ID_NUMBER = (() => {
  const first17 = `21080219620815${String(Math.floor(Math.random() * 900) + 100)}`;
  return first17 + idCheckChar(first17);
})();
const PLACE = 'vh-bus-3';
const typed = (ms: number) => cityDateTime(ms).slice(0, 16);

/**
 * Types into the input inside the field with this class. Taro H5 can miss what is typed in the
 * first moments after a page opens; a person then types it again.
 */
async function fill(page: Page, field: string, value: string) {
  const input = page.locator(`.${field} input`).filter({ visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    await input.fill(value);
    await page.waitForTimeout(300);
    if ((await input.inputValue()) === value) return;
    if (attempt === 3) throw new Error(`${field} does not keep ${value}`);
  }
}

let residentId = '';

describe('officials work the queue (H5 build, real local API)', () => {
  beforeAll(async () => {
    // A resident registered through the API who rode bus 3 just now.
    const api = await apiAs(`e2e-officials-${Date.now().toString(36)}`);
    const reg = await api('POST', '/health/register', {
      name: '刘德福',
      idNumber: ID_NUMBER,
      phone: '13912345678',
      community: 'zq-jianshe',
      consentVersion: PRIVACY_VERSION,
    });
    expect(reg.status).toBe(201);
    residentId = (reg.body as { resident: { residentId: string } }).resident.residentId;
    // The bus's signed place code, as its poster carries it (printed by an official).
    const poster = await (await apiAs('official'))('GET', `/health/place-codes/${PLACE}`);
    const placeToken = (poster.body as { token: string }).token;
    const visit = await api('POST', '/health/visits', { visitId: `v-${Date.now()}`, placeToken, residentId });
    expect(visit.status).toBe(200);
    // Twelve reviews by 陈静 (yellow and back): more than the timeline's first page of ten.
    const official = await apiAs('official');
    for (let i = 1; i <= 12; i++) {
      const colour = i % 2 === 1 ? 'yellow' : 'green';
      const res = await official('POST', `/health/residents/${residentId}/status`, {
        colour,
        reason: `复核第 ${i} 次`,
      });
      expect(res.status).toBe(200);
    }
  });

  it('the review page shows the resident’s id, copied to tracing, which takes a from–to range', async () => {
    const page = await newPage();
    await signInAs(page, '陈静');
    await page.goto(appUrl('/staff/pages/review/index'));
    await fill(page, 'review__lookup', ID_NUMBER);
    await visibleText(page, '查找', true).click();
    await visibleText(page, residentId, true).waitFor({ timeout: 20000 });
    await visibleText(page, '居民编号').waitFor();
    await keepScreenshot(page, 'officials-review-resident-id');
    // The status history as a timeline, paged; the declarations as a table.
    await visibleText(page, '复核第 12 次', false).waitFor();
    await expect(
      page
        .getByText(/复核第 1 次$/)
        .filter({ visible: true })
        .count(),
    ).resolves.toBe(0);
    await visibleText(page, '加载更早的记录', true).click();
    await page
      .getByText(/复核第 1 次$/)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 20000 });
    await visibleText(page, '每日申报').waitFor();
    await keepScreenshot(page, 'officials-review-timeline');

    await visibleText(page, '查行程 ›').click();
    await page.waitForURL(/staff\/pages\/trace/);
    await visibleText(page, '复核页选定的居民').waitFor({ timeout: 20000 });
    await fill(page, 'trace__reason', '公交 3 路确诊病例密接排查');

    // The place over a range typed as two times: the last two hours.
    await fill(page, 'trace__place', '3路');
    await page.locator('.picker__row:visible').filter({ hasText: '3路公交车' }).first().click();
    await visibleText(page, /已选：3路公交车/).waitFor();
    const now = Date.now();
    await fill(page, 'trace__from', typed(now - 2 * 3600_000));
    await fill(page, 'trace__to', typed(now + 60_000));
    await visibleText(page, '查询', true).click();
    await visibleText(page, /本次查询已记录（审计号/).waitFor({ timeout: 20000 });
    await visibleText(page, /3路公交车 · 刘\*福/).waitFor();
    await keepScreenshot(page, 'officials-trace-range');

    // A reversed range is refused by the page; one older than the 28 days kept, by the server.
    await fill(page, 'trace__from', typed(now));
    await fill(page, 'trace__to', typed(now - 3600_000));
    await visibleText(page, '查询', true).click();
    await visibleText(page, '开始时间应早于结束时间').waitFor();
    await fill(page, 'trace__from', typed(now - 30 * 86400_000));
    await fill(page, 'trace__to', typed(now - 30 * 86400_000 + 3600_000));
    await visibleText(page, '查询', true).click();
    await visibleText(page, /扫码记录只保留 28 天/).waitFor({ timeout: 20000 });
    await keepScreenshot(page, 'officials-trace-refused');

    // The quick ranges fill both times.
    await visibleText(page, '最近 6 小时', true).click();
    await expect(page.locator('.trace__to input').filter({ visible: true }).first().inputValue()).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
  });

  it('the audit log shows who looked at the resident, when and why, by resident and by official', async () => {
    const page = await newPage();
    await signInAs(page, '陈静');
    await page.goto(appUrl(`/staff/pages/audit/index?residentId=${residentId}`));
    await visibleText(page, '陈静 · 查看审计日志').waitFor({ timeout: 20000 });
    await visibleText(page, '陈静 · 查看居民健康码详情').waitFor();
    await visibleText(page, '陈静 · 按身份证号查找居民').waitFor();
    await expect(page.getByText('查询场所到访记录').filter({ visible: true }).count()).resolves.toBe(0);
    await keepScreenshot(page, 'officials-audit-by-resident');

    // Everything 陈静 looked at: the place trace with its reason and range is there too.
    await visibleText(page, '清除筛选').click();
    await visibleText(page, '只看此人').click();
    await visibleText(page, '陈静 · 查询场所到访记录').waitFor({ timeout: 20000 });
    await visibleText(page, '原因：公交 3 路确诊病例密接排查').waitFor();
    await visibleText(page, `场所 ${PLACE}`, false).waitFor();
    await keepScreenshot(page, 'officials-audit-by-official');
  });

  it('a resident cannot read the audit log', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await page.goto(appUrl('/staff/pages/audit/index'));
    await visibleText(page, '无法加载审计日志').waitFor({ timeout: 20000 });
    await keepScreenshot(page, 'officials-audit-refused');
  });
});
