export default definePageConfig({ navigationBarTitleText: '企业复工复产' });
