export default definePageConfig({ navigationBarTitleText: '24小时报修' });
