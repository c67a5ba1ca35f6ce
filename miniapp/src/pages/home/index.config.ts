export default definePageConfig({
  navigationBarTitleText: '邻里 · 首页',
});
