export default definePageConfig({
  navigationBarTitleText: '老年助餐',
});
