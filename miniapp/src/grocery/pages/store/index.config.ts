export default definePageConfig({ navigationBarTitleText: '选购商品' });
