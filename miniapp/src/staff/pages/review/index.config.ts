export default definePageConfig({ navigationBarTitleText: '健康码复核' });
