export default definePageConfig({ navigationBarTitleText: '热线与专家' });
