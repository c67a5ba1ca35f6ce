export default definePageConfig({
  navigationBarTitleText: '助餐补贴结算',
});
