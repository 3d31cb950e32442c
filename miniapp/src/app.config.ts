export default defineAppConfig({
  // Tab pages and the login page stay in the main package; staff tools load on demand.
  pages: [
    'pages/home/index',
    'pages/health/index',
    'pages/grocery/index',
    'pages/bills/index',
    'pages/me/index',
    'pages/login/index',
  ],
  subPackages: [
    { root: 'worker', name: 'worker', pages: ['pages/index/index'] },
    { root: 'staff', name: 'staff', pages: ['pages/index/index', 'pages/roles/index'] },
  ],
  // 我的 links into both workbenches: fetch them while the user is there.
  preloadRule: {
    'pages/me/index': { network: 'all', packages: ['worker', 'staff'] },
  },
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarBackgroundColor: '#1677ff',
    navigationBarTitleText: '营口市民服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/health/index', text: '健康码' },
      { pagePath: 'pages/grocery/index', text: '买菜' },
      { pagePath: 'pages/bills/index', text: '缴费' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
