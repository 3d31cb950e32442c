export default definePageConfig({ navigationBarTitleText: '复工复产登记' });
