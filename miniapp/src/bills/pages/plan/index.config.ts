export default definePageConfig({ navigationBarTitleText: '分期缴费' });
