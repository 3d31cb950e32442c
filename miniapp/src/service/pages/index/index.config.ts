export default definePageConfig({ navigationBarTitleText: '不见面服务', enablePullDownRefresh: true });
