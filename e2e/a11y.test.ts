import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations } from './lib/axe';
import { appUrl, phoneBrowser, saveScreenshot, signInAs } from './lib/browser';
import { ACCOUNTS, appPages, visitFor, type Account, type PageVisit } from './lib/pages';

/**
 * Every page of app.config.ts, opened as its role, checked with axe (WCAG 2.1 A/AA, serious and
 * critical) in normal mode on a 390 px phone and in 长辈模式 on a 320 px one, where it must also
 * fit the width. Every problem on every page is gathered into one readable failure.
 */
const { newContext } = phoneBrowser({ errors: true });

const ELDER_KEY = 'citycare.elderMode';
const PAGES = appPages();
const STAFF_SHOTS = /^(staff|worker)\//;

async function signedIn(account: Account, elder: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext();
  const page = await context.newPage();
  if (elder) await page.setViewportSize({ width: 320, height: 720 });
  await signInAs(page, ACCOUNTS[account]);
  // Taro keeps storage as {"data": value}; the app reads it when a page first renders.
  await page.evaluate(([key, on]) => localStorage.setItem(key, JSON.stringify({ data: on })), [
    ELDER_KEY,
    elder,
  ] as const);
  return { context, page };
}

/** Opens the page afresh and waits until it is shown and no longer loading. */
async function open(page: Page, route: string, visit: PageVisit): Promise<void> {
  await page.goto('about:blank');
  await page.goto(appUrl(`/${route}${visit.query ? `?${visit.query}` : ''}`));
  await page.locator('.page').filter({ visible: true }).first().waitFor({ timeout: 30000 });
  await page.waitForFunction(
    () => {
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
      return !Array.from(document.querySelectorAll('.state--loading')).some(shown);
    },
    undefined,
    { timeout: 30000 },
  );
}

async function checkAll(elder: boolean): Promise<string[]> {
  const problems: string[] = [];
  const byAccount = new Map<Account, string[]>();
  for (const route of PAGES) {
    const visit = visitFor(route);
    if (!visit) {
      problems.push(`${route}: no account opens it — add a line to PAGE_VISITS in e2e/lib/pages.ts`);
      continue;
    }
    byAccount.set(visit.as, [...(byAccount.get(visit.as) ?? []), route]);
  }
  for (const [account, routes] of byAccount) {
    const { context, page } = await signedIn(account, elder);
    for (const route of routes) {
      const where = `${route} as ${account}${elder ? ' (长辈模式, 320 px)' : ''}`;
      try {
        await open(page, route, visitFor(route) as PageVisit);
      } catch (e) {
        problems.push(`${where}: did not finish loading (${(e as Error).message.split('\n')[0]})`);
        continue;
      }
      if (elder) {
        const root = await page.locator('.page').filter({ visible: true }).first();
        if (!(await root.evaluate((el) => el.classList.contains('page--elder')))) {
          problems.push(`${where}: 长辈模式 is not applied (.page--elder missing)`);
        }
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) problems.push(`${where}: wider than the screen (scrollWidth ${width} > 320)`);
        if (STAFF_SHOTS.test(route))
          await saveScreenshot(page, `a11y-elder-${route.replace(/\/index$/, '').replace(/\//g, '-')}`);
      }
      const violations = await axeViolations(page);
      if (violations.length > 0) problems.push(describeViolations(where, violations));
    }
    await context.close();
  }
  return problems;
}

describe('every page, as its role, is accessible (axe, WCAG 2.1 AA) and fits 320 px in 长辈模式', () => {
  it('lists every page of app.config.ts, with an account for each', () => {
    expect(PAGES.length).toBeGreaterThan(40);
    expect(PAGES.filter((route) => !visitFor(route))).toEqual([]);
  });

  it('has no serious or critical violation on any page in normal mode', async () => {
    const problems = await checkAll(false);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }, 900000);

  it('has no serious or critical violation, and no page wider than 320 px, in 长辈模式', async () => {
    const problems = await checkAll(true);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }, 900000);
});
