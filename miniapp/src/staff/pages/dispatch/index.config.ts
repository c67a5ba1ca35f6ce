export default definePageConfig({
  navigationBarTitleText: '派单看板',
  enablePullDownRefresh: true,
});
