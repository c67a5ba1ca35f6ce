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
    'pages/messages/index',
  ],
  subPackages: [
    {
      root: 'staff',
      name: 'staff',
      pages: [
        'pages/index/index',
        'pages/login/index',
        'pages/bookings/index',
        'pages/book/index',
        'pages/schedule/index',
        'pages/statistics/index',
        'pages/dispatch/index',
        'pages/dispatch-order/index',
        'pages/providers/index',
        'pages/meal-elder/index',
        'pages/meal-rules/index',
        'pages/meal-settlement/index',
        'pages/outlets/index',
      ],
    },
    { root: 'provider', name: 'provider', pages: ['pages/index/index', 'pages/bind/index', 'pages/admin/index', 'pages/apply/index'] },
    // A canteen operator's meal points: the counter (orders and pickup), kitchen counts, the week menu, delivery runs,
    // and the month's subsidy settlement with the district.
    {
      root: 'canteen',
      name: 'canteen',
      pages: ['pages/index/index', 'pages/counter/index', 'pages/kitchen/index', 'pages/menu/index', 'pages/delivery/index', 'pages/settlement/index'],
    },
    // A resident's home-service request form and order page.
    { root: 'home-service', name: 'home-service', pages: ['pages/book/index', 'pages/order/index'] },
    // 老年助餐 for residents: the meal home (menus, price after subsidy), ordering, my meal orders, pickup code, balance.
    { root: 'meals', name: 'meals', pages: ['pages/index/index', 'pages/order/index', 'pages/orders/index', 'pages/pickup/index', 'pages/balance/index'] },
    // 便民网点 for residents: the nearest outlets (list, and a map on weapp), one outlet with its hours, call, route, 信息有误.
    { root: 'outlets', name: 'outlets', pages: ['pages/index/index', 'pages/outlet/index'] },
  ],
  window: {
    // WeChat's own bar in the mini program; on H5 this switches on Taro's one bar for the whole app (the page's title,
    // back, or 首页 when there is no page to go back to), labelled and enlarged in h5-navigation-bar.ts and app.scss.
    navigationStyle: 'default',
    navigationBarTitleText: '邻里',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f0',
    backgroundTextStyle: 'dark',
  },
  // Icons (81 × 81 px, about 0.5 KB each, drawn by scripts/draw-icons.mjs) beside the words: with icons WeChat draws
  // the tab bar taller and its labels easier to hit.
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#0b6e4f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/icons/tab-home.png', selectedIconPath: 'assets/icons/tab-home-selected.png' },
      { pagePath: 'pages/services/index', text: '服务', iconPath: 'assets/icons/tab-services.png', selectedIconPath: 'assets/icons/tab-services-selected.png' },
      { pagePath: 'pages/orders/index', text: '订单', iconPath: 'assets/icons/tab-orders.png', selectedIconPath: 'assets/icons/tab-orders-selected.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/icons/tab-me.png', selectedIconPath: 'assets/icons/tab-me-selected.png' },
    ],
  },
  // 按距离排序 on a service's centres, and a worker's position while online: asked only when needed; refusing keeps
  // the screens usable. chooseLocation: a resident may point at their home on the map for a home visit.
  permission: { 'scope.userLocation': { desc: '用于按距离排列市民中心和助餐点，以及服务人员上线接单时就近派单' } },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  lazyCodeLoading: 'requiredComponents',
});
