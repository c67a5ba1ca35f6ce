// `@tarojs/taro` for Jest: Taro's own H5 implementation (fetch-based request, localStorage storage).
// @tarojs/taro-h5 exports its APIs by name and a bare core object as default; the H5 build merges the two for
// `import Taro from '@tarojs/taro'`, and so does this module.
import * as h5 from '@tarojs/taro-h5';

const Taro = { ...h5.default, ...h5 };

export * from '@tarojs/taro-h5';
export default Taro;
