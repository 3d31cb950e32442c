import { appUrl, countApiRequests, keepScreenshot, phoneBrowser, signInAs, visibleText } from './lib/browser';

/**
 * The service centre online (不见面服务) in the H5 build against the real local stack: resident
 * 王秀兰 asks from the home page; 吴丽 of the service centre finds it in the 买菜 queue (with its
 * waiting time) and answers; 王秀兰 sees the answer. The 热线与专家 page lists the lines with
 * tel: links; the service pages make no request while idle.
 */
const QUESTION = '家里两位老人不会用手机，社区能不能帮忙代买一周的蔬菜和鸡蛋？';
const ANSWER = '可以。请联系建设社区网格员李建国，社区统一代购，无接触送到家门口。';

const { newContext, newPage } = phoneBrowser();

describe('service centre online (H5 build, real local API)', () => {
  it('resident 王秀兰 asks a question from the home page', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await visibleText(page, '不见面服务').click();
    await page.waitForURL(/service\/pages\/index/);
    await visibleText(page, '还没有咨询').waitFor();
    await keepScreenshot(page, 'service-home-empty');

    await visibleText(page, '我要咨询', true).click();
    await page.waitForURL(/service\/pages\/ask/);
    // Nothing chosen: the form says what is missing and sends nothing.
    await visibleText(page, '提交咨询', true).click();
    await visibleText(page, '请选择咨询类别').waitFor();
    await page.locator('.ask__category').filter({ hasText: '买菜' }).click();
    await page.locator('.ask__question textarea').fill(QUESTION);
    await keepScreenshot(page, 'service-ask');
    await visibleText(page, '提交咨询', true).click();
    await page.waitForURL(/service\/pages\/consultation/, { timeout: 20000 });
    await visibleText(page, QUESTION).waitFor();
    await visibleText(page, '等待答复').waitFor();
    await visibleText(page, '已收到您的咨询').waitFor();
    await keepScreenshot(page, 'service-asked');
  });

  it('吴丽 of the service centre finds it in the 买菜 queue with its wait, and answers', async () => {
    const page = await newPage();
    await signInAs(page, '吴丽');
    await page.goto(appUrl('/staff/pages/index/index'));
    await visibleText(page, '服务中心工作人员').click();
    await page.waitForURL(/service-queue/);
    // The first category's queue (健康码) has the seeded consultation, waiting longest.
    await visibleText(page, '等得最久的在最前').waitFor();
    await page.locator('.sq__category').filter({ hasText: '买菜' }).click();
    await visibleText(page, QUESTION).waitFor();
    await expect(page.locator('.sq__wait').filter({ visible: true }).first().innerText()).resolves.toMatch(
      /已等待 \d+ 分钟/,
    );
    await expect(page.locator('.sq__wait.tag--green').filter({ visible: true }).count()).resolves.toBe(1);
    await keepScreenshot(page, 'service-queue');

    await visibleText(page, QUESTION).click();
    await page.waitForURL(/service-consultation/);
    await page.locator('.sc__answer textarea').fill(ANSWER);
    await visibleText(page, '发送答复', true).click();
    await visibleText(page, ANSWER).waitFor();
    await visibleText(page, '已答复').waitFor();
    await keepScreenshot(page, 'service-answered-staff');
  });

  it('王秀兰 sees the centre’s answer', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await page.goto(appUrl('/service/pages/index/index'));
    await visibleText(page, '有新答复').waitFor();
    await keepScreenshot(page, 'service-home-answered');
    await visibleText(page, QUESTION).click();
    await page.waitForURL(/service\/pages\/consultation/);
    await visibleText(page, ANSWER).waitFor();
    await expect(page.locator('.talk__bubble--centre').filter({ visible: true }).innerText()).resolves.toBe(ANSWER);
    await visibleText(page, '服务中心 ·').waitFor();
    await keepScreenshot(page, 'service-answer-seen');
  });

  it('lists the hotlines and experts with tel: links', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await page.goto(appUrl('/service/pages/hotlines/index'));
    await visibleText(page, '部门 24 小时热线').waitFor();
    await visibleText(page, '医院专家咨询').waitFor();
    await visibleText(page, '12345 市民服务热线').waitFor();
    const links = await page.locator('a.hotline__call').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('tel:12345');
    expect(links).toContain('tel:04172812345');
    await keepScreenshot(page, 'service-hotlines');
  });

  it('makes no request while its pages sit idle', async () => {
    const context = await newContext();
    const signIn = await context.newPage();
    await signInAs(signIn, '王秀兰');
    for (const url of ['/service/pages/index/index', '/service/pages/hotlines/index', '/service/pages/ask/index']) {
      const page = await context.newPage();
      const { settled, idle } = await countApiRequests(page, appUrl(url), 3000);
      expect({ url, settled, idle }).toEqual({ url, settled: true, idle: [] });
      await page.close();
    }
  });
});
