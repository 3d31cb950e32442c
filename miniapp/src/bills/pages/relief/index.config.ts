export default definePageConfig({ navigationBarTitleText: '申请缓缴' });
