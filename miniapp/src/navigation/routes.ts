import Taro from '@tarojs/taro';

import type { Role, SessionAccount } from '@linli/shared';

import { fetchMyProvider } from '../services/provider-admin';

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
  services: '/pages/services/index',
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
  canteenHome: '/canteen/pages/index/index',
  canteenCounter: '/canteen/pages/counter/index',
  canteenKitchen: '/canteen/pages/kitchen/index',
  canteenMenu: '/canteen/pages/menu/index',
  canteenDelivery: '/canteen/pages/delivery/index',
  canteenSettlement: '/canteen/pages/settlement/index',
  staffMealElder: '/staff/pages/meal-elder/index',
  staffMealRules: '/staff/pages/meal-rules/index',
  staffMealSettlement: '/staff/pages/meal-settlement/index',
  mealsHome: '/meals/pages/index/index',
  mealOrder: '/meals/pages/order/index',
  mealOrders: '/meals/pages/orders/index',
  mealPickup: '/meals/pages/pickup/index',
  mealBalance: '/meals/pages/balance/index',
  outlets: '/outlets/pages/index/index',
  outlet: '/outlets/pages/outlet/index',
  staffOutlets: '/staff/pages/outlets/index',
} as const;

/** A page that shows one record, e.g. `/pages/service/index?id=…`. */
export function pageUrlWithId(path: string, id: string): string {
  return `${path}?id=${encodeURIComponent(id)}`;
}

/** A page with several query parameters, e.g. `/meals/pages/order/index?point=…&date=…`; empty values are left out. */
export function pageUrlWithQuery(path: string, query: Record<string, string | undefined>): string {
  const search = Object.entries(query)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

const HOME_OF_ROLE: Record<Exclude<Role, 'provider_admin'>, string> = {
  resident: ROUTES.me,
  worker: ROUTES.providerHome,
  staff: ROUTES.staffHome,
  admin: ROUTES.staffHome,
};

/**
 * A provider's administrator: a canteen's to its meal points, any other organisation's to its workers. The session
 * does not say which kind the organisation is, so its record is asked; when that fails the general admin desk opens.
 */
async function providerAdminHomeOf(account: SessionAccount): Promise<string> {
  if (!account.providerId) return ROUTES.providerAdmin;
  const provider = await fetchMyProvider(account.providerId).catch(() => null);
  return provider?.kind === 'canteen' ? ROUTES.canteenHome : ROUTES.providerAdmin;
}

/** After any sign-in: residents to 我的 (a tab page), everyone else to their workbench. */
export function openHomeOf(account: SessionAccount): void {
  if (account.role === 'provider_admin') {
    void providerAdminHomeOf(account).then((url) => Taro.redirectTo({ url }));
    return;
  }
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

export function openServicesTab(): void {
  void Taro.switchTab({ url: ROUTES.services });
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
