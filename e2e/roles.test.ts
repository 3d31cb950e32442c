import type { Browser, Page } from 'playwright-core';
import { appUrl, keepScreenshot, launch, phone, signInAs, visibleText } from './lib/browser';

/** The admin's role page: find a person by name, grant a scoped role picked by name, revoke it; refused to others. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const newPage = async (): Promise<Page> => (await phone(browser)).newPage();
const openRoles = (page: Page) => page.goto(appUrl('/staff/pages/roles/index'));

/** Types into the input of the field with this class, again if Taro H5 missed it as the page opened. */
async function type(page: Page, field: string, value: string) {
  const input = page.locator(`.${field} input`).filter({ visible: true }).first();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.fill(value);
    await page.waitForTimeout(200);
    if ((await input.inputValue()) === value) return;
  }
  throw new Error(`${field} does not keep ${value}`);
}

describe('managing roles (H5 build, real local API)', () => {
  it('an admin (孙强) finds 刘德福 by name and phone digits, grants 社区工作者 for 迎宾社区 picked by name, revokes it', async () => {
    const page = await newPage();
    await signInAs(page, '孙强');
    await openRoles(page);
    await type(page, 'roles__name', '刘德福');
    await type(page, 'roles__tail', '1234');
    await visibleText(page, '查找', true).click();
    await visibleText(page, /刘\*福 · 尾号 1234/).waitFor({ timeout: 20000 });
    await expect(page.getByText('刘德福').filter({ visible: true }).count()).resolves.toBe(0);
    await visibleText(page, '社区工作者').first().click();
    await type(page, 'roles__scope', '迎宾');
    await page.locator('.picker__row:visible').filter({ hasText: '迎宾社区' }).first().click();
    await visibleText(page, /已选：迎宾社区/).waitFor();
    await keepScreenshot(page, 'roles-by-name');
    await visibleText(page, '授予角色', true).click();
    await visibleText(page, /已授予/).waitFor({ timeout: 20000 });
    await page.locator('.roles__chip--static:visible').filter({ hasText: '社区工作者 · 迎宾社区' }).waitFor();
    await keepScreenshot(page, 'roles-granted');
    await visibleText(page, '撤销角色', true).click(); // exact: the card's title also holds 撤销角色
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
