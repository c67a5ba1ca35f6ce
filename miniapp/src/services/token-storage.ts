import Taro from '@tarojs/taro';

const TOKEN_KEY = 'linli.accessToken';

/** The signed-in resident's access token, or null. Login (a later issue) writes it with saveToken. */
export function readToken(): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function saveToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}
