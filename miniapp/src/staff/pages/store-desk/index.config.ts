export default definePageConfig({ navigationBarTitleText: '商户工作台' });
