import type { Browser, Page } from 'playwright-core';
import { userIdForOpenid } from '../functions/src/auth/identity';
import { appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';

/** The admin's role page: look a user up, grant a scoped role, revoke it; refused to others. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const newPage = async (): Promise<Page> => (await phone(browser)).newPage();
const openRoles = (page: Page) => page.goto(appUrl('/staff/pages/roles/index'));

/** Types into the nth input of the visible page, again if Taro H5 missed it as the page opened. */
async function type(page: Page, index: number, value: string) {
  const input = page.locator('.roles__input input').nth(index);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.fill(value);
    await page.waitForTimeout(200);
    if ((await input.inputValue()) === value) return;
  }
  throw new Error(`input ${index} does not keep ${value}`);
}

describe('managing roles (H5 build, real local API)', () => {
  it('an admin (孙强) grants 刘德福 a community worker role for 营滨社区 and revokes it', async () => {
    const page = await newPage();
    await signInAs(page, '孙强');
    await openRoles(page);
    await type(page, 0, userIdForOpenid('dev:resident2'));
    await visibleText(page, '查询用户').click();
    await visibleText(page, '刘德福').waitFor({ timeout: 20000 });
    await visibleText(page, '社区工作者').first().click();
    await type(page, 1, 'zq-yingbin');
    await visibleText(page, '授予角色').click();
    await visibleText(page, /已授予/).waitFor({ timeout: 20000 });
    await page.locator('.roles__chip--static:visible').filter({ hasText: '社区工作者' }).waitFor();
    await keepScreenshot(page, 'roles-granted');
    await visibleText(page, '撤销角色').click();
    await visibleText(page, /已撤销/).waitFor({ timeout: 20000 });
    await expect(page.locator('.roles__chip--static:visible').filter({ hasText: '社区工作者' }).count()).resolves.toBe(
      0,
    );
  });

  it('is refused to a resident, who is told only admins manage roles', async () => {
    const page = await newPage();
    await signInAs(page, '王秀兰');
    await openRoles(page);
    await visibleText(page, '仅管理员可以管理角色').waitFor({ timeout: 20000 });
  });
});
