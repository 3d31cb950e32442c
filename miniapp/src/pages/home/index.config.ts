export default definePageConfig({ navigationBarTitleText: '营口市民服务' });
