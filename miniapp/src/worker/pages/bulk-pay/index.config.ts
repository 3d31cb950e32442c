export default definePageConfig({ navigationBarTitleText: '代缴生活缴费' });
