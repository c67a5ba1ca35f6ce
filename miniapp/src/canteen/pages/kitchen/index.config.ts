export default definePageConfig({
  navigationBarTitleText: '后厨统计',
});
