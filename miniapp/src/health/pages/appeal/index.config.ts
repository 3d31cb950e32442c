export default definePageConfig({ navigationBarTitleText: '申请纠错' });
