/// <reference types="@tarojs/taro" />

declare module '*.scss';
declare module '*.css';

/** Injected by config/index.ts (defineConstants) from LINLI_API_BASE_URL at build time. */
declare const LINLI_API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
  }
}
