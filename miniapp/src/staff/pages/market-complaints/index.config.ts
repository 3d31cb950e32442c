export default definePageConfig({ navigationBarTitleText: '价格质量投诉' });
