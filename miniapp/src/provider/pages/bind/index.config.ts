export default definePageConfig({
  navigationBarTitleText: '服务人员绑定',
});
