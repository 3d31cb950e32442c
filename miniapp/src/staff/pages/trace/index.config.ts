export default definePageConfig({ navigationBarTitleText: '流调查询' });
