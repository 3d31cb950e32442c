export default definePageConfig({ navigationBarTitleText: '打印纸质码' });
