export default definePageConfig({ navigationBarTitleText: '健康码赋码规则' });
