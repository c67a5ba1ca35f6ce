export default definePageConfig({
  navigationBarTitleText: '取餐码',
});
