export default definePageConfig({ navigationBarTitleText: '绑定户号' });
