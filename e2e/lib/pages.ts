/**
 * Every page of the mini-program, read from miniapp/src/app.config.ts, with the demo account
 * that opens it (its role) and the route parameters it needs. A page added to app.config.ts must
 * get a line in PAGE_VISITS unless its package's default account fits (the a11y test says so).
 */
type AppConfig = { pages: string[]; subPackages?: { root: string; pages: string[] }[] };

export function appPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig };
  g.defineAppConfig ??= (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../../miniapp/src/app.config') as { default: AppConfig }).default;
  return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

/** Demo accounts by the name on the sign-in page (config/city.yml demoUsers). */
export const ACCOUNTS = {
  resident: '王秀兰',
  worker: '李建国',
  checkpoint: '张伟',
  store: '刘芳',
  utility: '赵磊',
  official: '陈静',
  regulator: '周敏',
  service: '吴丽',
  admin: '孙强',
  company: '郑宏',
  resumption: '高峰',
} as const;
export type Account = keyof typeof ACCOUNTS;

export interface PageVisit {
  as: Account;
  /** Route parameters, e.g. `storeId=st-xingfu`. */
  query?: string;
}

/** The account a page opens as, by its package, when PAGE_VISITS has no line for it. */
const PACKAGE_DEFAULTS: Record<string, Account> = {
  pages: 'resident',
  health: 'resident',
  grocery: 'resident',
  bills: 'resident',
  service: 'resident',
  worker: 'worker',
  privacy: 'resident',
};

/** One line per page that needs another account than its package's, or route parameters. */
export const PAGE_VISITS: Record<string, PageVisit> = {
  'grocery/pages/store/index': { as: 'resident', query: 'storeId=st-xingfu&communityId=zq-jianshe' },
  'grocery/pages/checkout/index': { as: 'resident', query: 'storeId=st-xingfu&communityId=zq-jianshe' },
  'staff/pages/index/index': { as: 'admin' },
  'staff/pages/roles/index': { as: 'admin' },
  'staff/pages/utility-desk/index': { as: 'utility' },
  'staff/pages/utility-reviews/index': { as: 'utility' },
  'staff/pages/utility-disconnect/index': { as: 'utility' },
  'staff/pages/utility-protected/index': { as: 'utility' },
  'staff/pages/utility-import/index': { as: 'utility' },
  'staff/pages/utility-repairs/index': { as: 'utility' },
  'staff/pages/scan/index': { as: 'checkpoint' },
  'staff/pages/outsiders/index': { as: 'checkpoint', query: 'placeId=cp-lutun' },
  'staff/pages/review/index': { as: 'official' },
  'staff/pages/trace/index': { as: 'official' },
  'staff/pages/audit/index': { as: 'official' },
  'staff/pages/store-desk/index': { as: 'store' },
  'staff/pages/store-orders/index': { as: 'store' },
  'staff/pages/store-catalogue/index': { as: 'store' },
  'staff/pages/store-slots/index': { as: 'store' },
  'staff/pages/store-picklist/index': { as: 'store' },
  'staff/pages/market-complaints/index': { as: 'regulator' },
  'staff/pages/service-queue/index': { as: 'service' },
  'staff/pages/service-consultation/index': { as: 'service' },
  'staff/pages/paper-code/index': { as: 'worker' },
  'staff/pages/place-poster/index': { as: 'checkpoint', query: 'placeId=cp-lutun' },
  'staff/pages/company/index': { as: 'company' },
  'staff/pages/company-form/index': { as: 'company' },
  'staff/pages/company-detail/index': { as: 'company', query: 'companyId=co-demo-xinda' },
  'staff/pages/company-review/index': { as: 'resumption' },
};

/** The visit for a page, or undefined when neither PAGE_VISITS nor its package says who opens it. */
export function visitFor(page: string): PageVisit | undefined {
  const own = PAGE_VISITS[page];
  if (own) return own;
  const account = PACKAGE_DEFAULTS[page.split('/')[0] ?? ''];
  return account ? { as: account } : undefined;
}
