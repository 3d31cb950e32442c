export default definePageConfig({ navigationBarTitleText: '服务中心咨询', enablePullDownRefresh: true });
