export default definePageConfig({
  navigationBarTitleText: '便民网点管理',
});
