import Taro from '@tarojs/taro';

/**
 * Whom the resident last ordered meals for (themselves or a household elder), so a son ordering for his father every
 * day is not asked again. Kept with the account id: whoever signs in next on a shared phone starts from themselves.
 */
interface StoredMealPerson {
  accountId: string;
  residentId: string;
}

const MEAL_PERSON_KEY = 'linli.mealPerson';

export function readChosenMealPerson(accountId: string): string | null {
  const stored = Taro.getStorageSync<Partial<StoredMealPerson> | ''>(MEAL_PERSON_KEY);
  return typeof stored === 'object' && stored.accountId === accountId && typeof stored.residentId === 'string' ? stored.residentId : null;
}

export function rememberChosenMealPerson(accountId: string, residentId: string): void {
  Taro.setStorageSync(MEAL_PERSON_KEY, { accountId, residentId } satisfies StoredMealPerson);
}
