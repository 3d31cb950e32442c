export default definePageConfig({ navigationBarTitleText: '导入账单' });
