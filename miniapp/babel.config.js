// babel-preset-taro must be told the installed runtime-corejs3 version, or the H5 build looks for helpers
// (e.g. helpers/esm/callSpread) that this runtime version does not ship.
const runtimeVersion = require('@babel/runtime-corejs3/package.json').version;

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', version: runtimeVersion }]],
  plugins: [
    // NutUI per component: the barrel file drags in lottie/canvas code (bigger packages, and Jest crashes on it).
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
