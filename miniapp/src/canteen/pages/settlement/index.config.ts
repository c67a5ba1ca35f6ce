export default definePageConfig({
  navigationBarTitleText: '补贴结算',
});
