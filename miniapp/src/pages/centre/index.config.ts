export default definePageConfig({
  navigationBarTitleText: '市民中心',
});
