export default definePageConfig({
  navigationBarTitleText: '老人助餐',
});
