export default definePageConfig({ navigationBarTitleText: '缓缴审核' });
