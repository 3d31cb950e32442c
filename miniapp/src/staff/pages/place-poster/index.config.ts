export default definePageConfig({ navigationBarTitleText: '打印场所码' });
