export default definePageConfig({
  navigationBarTitleText: '助餐点管理',
});
