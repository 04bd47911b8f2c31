export * from './startup-error';
export * from './startup-failure';
export * from './writable-data-dir';
export * from './listen-failure';
export * from './stop-on-signals';
