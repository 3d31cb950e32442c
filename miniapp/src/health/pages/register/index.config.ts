export default definePageConfig({ navigationBarTitleText: '申领健康码' });
