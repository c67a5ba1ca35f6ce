export default definePageConfig({
  navigationBarTitleText: '送餐路线',
});
