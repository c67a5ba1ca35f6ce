export default definePageConfig({
  navigationBarTitleText: '社区工作人员',
});
