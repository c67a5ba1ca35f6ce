/// <reference types="@tarojs/taro" />

declare module '*.scss';
declare module '*.css';
/** An image in src/assets: its URL in the build (a data URL when small, else a file Taro copies). */
declare module '*.png' {
  const url: string;
  export default url;
}

/** Injected by config/index.ts (defineConstants) from LINLI_API_BASE_URL at build time. */
declare const LINLI_API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
  }
}
