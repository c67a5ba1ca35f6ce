// What `taro build --type h5` defines; Taro's shared code branches on these at run time.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
