export default definePageConfig({
  navigationBarTitleText: '代居民预约',
});
