export * from './api-key-administration';
export * from './api-key-events';
export * from './api-key-index';
export * from './api-key-secret';
export * from './bootstrap-admin-key';
export * from './key-lifetime';
