export default definePageConfig({
  navigationBarTitleText: '开放时间',
});
