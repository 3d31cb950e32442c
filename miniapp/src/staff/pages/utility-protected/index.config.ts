export default definePageConfig({ navigationBarTitleText: '受保护户名单' });
