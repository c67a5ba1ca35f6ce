import { defineConfig } from '@tarojs/cli';

import type { UserConfigExport } from '@tarojs/cli';

/**
 * Where the request layer sends API calls. H5 is served behind the same origin as the API (a reverse proxy, or
 * the dev server's proxy below), so a relative `/api` is right there; WeChat needs an absolute URL, and
 * 127.0.0.1 works in DevTools with "不校验合法域名" ticked. Production builds set LINLI_API_BASE_URL.
 */
function apiBaseUrl(taroEnv: string | undefined): string {
  const fromEnv = process.env.LINLI_API_BASE_URL?.trim();
  if (fromEnv) return fromEnv.replace(/\/+$/, '');
  return taroEnv === 'h5' ? '/api' : 'http://127.0.0.1:3000/api';
}

/** NutUI is drawn on a 375 px canvas, our own styles on WeChat's usual 750 rpx one. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? (input.file ?? '') : '';
  return file.replace(/\\/g, '/').includes('@nutui/') ? 375 : 750;
}

export default defineConfig<'webpack5'>(() => {
  const taroEnv = process.env.TARO_ENV;
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linli-miniapp',
    date: '2025-11-26',
    designWidth,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      LINLI_API_BASE_URL: JSON.stringify(apiBaseUrl(taroEnv)),
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Modules used only by a subpackage are emitted into it instead of bloating the main package.
      optimizeMainPackage: { enable: true },
      // Shared components (notice, link-entry, NutUI's button) are imported in different orders by different
      // pages; every stylesheet is BEM-scoped, so their order in common.wxss does not matter (same as H5 below).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      devServer: {
        proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true } },
      },
    },
  };
  return config;
});
