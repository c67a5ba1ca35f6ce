export default definePageConfig({
  navigationBarTitleText: '服务机构审核',
  enablePullDownRefresh: true,
});
