export default defineAppConfig({
  // The main package holds the five tabs and the login page; every other page is in a subpackage
  // of its domain, fetched while the user is on the tab that leads to it (preloadRule below).
  pages: [
    'pages/home/index',
    'pages/health/index',
    'pages/grocery/index',
    'pages/bills/index',
    'pages/me/index',
    'pages/login/index',
  ],
  subPackages: [
    {
      root: 'health',
      name: 'health',
      pages: [
        'pages/register/index',
        'pages/declare/index',
        'pages/family/index',
        'pages/rules/index',
        'pages/appeal/index',
        'pages/scans/index',
        'pages/place-scan/index',
      ],
    },
    {
      root: 'grocery',
      name: 'grocery',
      pages: [
        'pages/store/index',
        'pages/checkout/index',
        'pages/order/index',
        'pages/orders/index',
        'pages/group/index',
      ],
    },
    {
      root: 'bills',
      name: 'bills',
      pages: [
        'pages/link/index',
        'pages/account/index',
        'pages/relief/index',
        'pages/plan/index',
        'pages/repair/index',
      ],
    },
    {
      root: 'service',
      name: 'service',
      pages: ['pages/index/index', 'pages/ask/index', 'pages/consultation/index', 'pages/hotlines/index'],
    },
    {
      root: 'privacy',
      name: 'privacy',
      pages: ['pages/guide/index', 'pages/data/index', 'pages/reads/index'],
    },
    {
      root: 'worker',
      name: 'worker',
      pages: [
        'pages/index/index',
        'pages/deliveries/index',
        'pages/groups/index',
        'pages/group/index',
        'pages/bulk-pay/index',
      ],
    },
    {
      root: 'staff',
      name: 'staff',
      pages: [
        'pages/index/index',
        'pages/roles/index',
        'pages/utility-desk/index',
        'pages/utility-reviews/index',
        'pages/utility-disconnect/index',
        'pages/utility-protected/index',
        'pages/utility-import/index',
        'pages/utility-repairs/index',
        'pages/scan/index',
        'pages/outsiders/index',
        'pages/review/index',
        'pages/trace/index',
        'pages/audit/index',
        'pages/store-desk/index',
        'pages/store-orders/index',
        'pages/store-catalogue/index',
        'pages/store-slots/index',
        'pages/store-picklist/index',
        'pages/market-complaints/index',
        'pages/service-queue/index',
        'pages/service-consultation/index',
        'pages/paper-code/index',
        'pages/place-poster/index',
        'pages/company/index',
        'pages/company-form/index',
        'pages/company-detail/index',
        'pages/company-review/index',
      ],
    },
  ],
  // Each tab preloads the pages it links to; 我的 links into both workbenches; 首页 to the service centre.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['service'] },
    'pages/health/index': { network: 'all', packages: ['health'] },
    'pages/grocery/index': { network: 'all', packages: ['grocery'] },
    'pages/bills/index': { network: 'all', packages: ['bills'] },
    'pages/me/index': { network: 'all', packages: ['worker', 'staff', 'privacy'] },
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy authorization: privacy interfaces wait for the app's own dialog (lib/privacy.ts).
  __usePrivacyCheck__: true,
  window: {
    navigationBarBackgroundColor: '#0958d9', // --c-primary: white on it reads at 6:1
    navigationBarTitleText: '营口市民服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#0958d9', // --c-primary (4.5:1 or more on white)
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/health/index',
        text: '健康码',
        iconPath: 'assets/tabbar/health.png',
        selectedIconPath: 'assets/tabbar/health-active.png',
      },
      {
        pagePath: 'pages/grocery/index',
        text: '买菜',
        iconPath: 'assets/tabbar/grocery.png',
        selectedIconPath: 'assets/tabbar/grocery-active.png',
      },
      {
        pagePath: 'pages/bills/index',
        text: '缴费',
        iconPath: 'assets/tabbar/bills.png',
        selectedIconPath: 'assets/tabbar/bills-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
});
