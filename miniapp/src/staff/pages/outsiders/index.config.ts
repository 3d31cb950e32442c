export default definePageConfig({ navigationBarTitleText: '外来人员登记' });
