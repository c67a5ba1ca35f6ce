export default definePageConfig({
  navigationBarTitleText: '服务类别',
});
