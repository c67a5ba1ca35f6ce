export * from './errors';
export * from './regions';
export * from './health';
export * from './id-number';
export * from './identity';
export * from './catalogue';
export * from './booking';
export * from './schedule';
