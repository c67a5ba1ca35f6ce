// Images in src/assets: the build gives their URL; in jsdom any URL will do, as long as it is one.
module.exports = { __esModule: true, default: '/assets/icon.png' };
