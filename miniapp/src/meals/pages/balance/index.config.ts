export default definePageConfig({
  navigationBarTitleText: '助餐余额',
});
