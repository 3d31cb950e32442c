export default definePageConfig({ navigationBarTitleText: '送货时段' });
