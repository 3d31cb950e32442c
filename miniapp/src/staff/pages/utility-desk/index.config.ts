export default definePageConfig({ navigationBarTitleText: '公用事业工作台' });
