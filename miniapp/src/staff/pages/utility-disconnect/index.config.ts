export default definePageConfig({ navigationBarTitleText: '停供操作' });
