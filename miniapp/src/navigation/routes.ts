import Taro from '@tarojs/taro';

import type { Role, SessionAccount } from '@linli/shared';

/** Every page URL the app navigates to, in one place. */
export const ROUTES = {
  me: '/pages/me/index',
  login: '/pages/login/index',
  familyClaim: '/pages/claim/index',
  staffLogin: '/staff/pages/login/index',
  staffHome: '/staff/pages/index/index',
  providerHome: '/provider/pages/index/index',
  workerBinding: '/provider/pages/bind/index',
  category: '/pages/category/index',
  service: '/pages/service/index',
  book: '/pages/book/index',
  orders: '/pages/orders/index',
  staffBookings: '/staff/pages/bookings/index',
  staffBook: '/staff/pages/book/index',
  staffSchedule: '/staff/pages/schedule/index',
  staffStatistics: '/staff/pages/statistics/index',
  staffDispatch: '/staff/pages/dispatch/index',
  staffDispatchOrder: '/staff/pages/dispatch-order/index',
  homeOrderBook: '/home-service/pages/book/index',
  homeOrder: '/home-service/pages/order/index',
  providerAdmin: '/provider/pages/admin/index',
  providerApply: '/provider/pages/apply/index',
  staffProviders: '/staff/pages/providers/index',
} as const;

/** A page that shows one record, e.g. `/pages/service/index?id=…`. */
export function pageUrlWithId(path: string, id: string): string {
  return `${path}?id=${encodeURIComponent(id)}`;
}

const HOME_OF_ROLE: Record<Role, string> = {
  resident: ROUTES.me,
  worker: ROUTES.providerHome,
  provider_admin: ROUTES.providerAdmin,
  staff: ROUTES.staffHome,
  admin: ROUTES.staffHome,
};

/** After any sign-in: residents to 我的 (a tab page), everyone else to their workbench. */
export function openHomeOf(account: SessionAccount): void {
  const url = HOME_OF_ROLE[account.role];
  if (url === ROUTES.me) void Taro.switchTab({ url });
  else void Taro.redirectTo({ url });
}

export function openPage(url: string): void {
  void Taro.navigateTo({ url });
}

export function openCategory(categoryId: string): void {
  openPage(pageUrlWithId(ROUTES.category, categoryId));
}

export function openService(serviceId: string): void {
  openPage(pageUrlWithId(ROUTES.service, serviceId));
}

export function openMeTab(): void {
  void Taro.switchTab({ url: ROUTES.me });
}

export function openOrdersTab(): void {
  void Taro.switchTab({ url: ROUTES.orders });
}

/**
 * The booking screens of one service (residents): home visits have their own short form. `centreId`: the centre
 * whose page the person came from, chosen in advance on those screens.
 */
export function openBooking(serviceId: string, mode?: string, centreId?: string): void {
  const url = pageUrlWithId(mode === 'home' ? ROUTES.homeOrderBook : ROUTES.book, serviceId);
  openPage(centreId ? `${url}&centre=${encodeURIComponent(centreId)}` : url);
}

/** A resident's home-service order (live status, timeline, actions). */
export function openHomeOrder(orderId: string): void {
  openPage(pageUrlWithId(ROUTES.homeOrder, orderId));
}
