export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/orders/index',
    'pages/me/index',
    'pages/centre/index',
    'pages/category/index',
    'pages/service/index',
    'pages/book/index',
    'pages/login/index',
    'pages/claim/index',
  ],
  subPackages: [
    { root: 'staff', name: 'staff', pages: ['pages/index/index', 'pages/login/index', 'pages/bookings/index', 'pages/book/index', 'pages/schedule/index', 'pages/statistics/index'] },
    { root: 'provider', name: 'provider', pages: ['pages/index/index', 'pages/bind/index'] },
  ],
  window: {
    navigationBarTitleText: '邻里',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f0',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#0b6e4f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/services/index', text: '服务' },
      { pagePath: 'pages/orders/index', text: '订单' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // 按距离排序 on a service's centres: asked only when the user taps it; refusing keeps the list usable.
  permission: { 'scope.userLocation': { desc: '用于按距离排列提供服务的市民中心' } },
  requiredPrivateInfos: ['getLocation'],
  lazyCodeLoading: 'requiredComponents',
});
