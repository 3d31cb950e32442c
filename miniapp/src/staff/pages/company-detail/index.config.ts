export default definePageConfig({ navigationBarTitleText: '企业复工详情' });
