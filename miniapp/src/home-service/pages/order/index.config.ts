export default definePageConfig({
  navigationBarTitleText: '上门服务订单',
  enablePullDownRefresh: true,
});
