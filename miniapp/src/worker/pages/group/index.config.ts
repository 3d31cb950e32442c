export default definePageConfig({ navigationBarTitleText: '团购详情' });
