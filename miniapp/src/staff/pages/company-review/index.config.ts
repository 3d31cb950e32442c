export default definePageConfig({ navigationBarTitleText: '复工复产审核' });
