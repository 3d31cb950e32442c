export default definePageConfig({ navigationBarTitleText: '配送任务' });
