export * from './contract';
export * from './errors';
export * from './events';
export * from './bridge';
