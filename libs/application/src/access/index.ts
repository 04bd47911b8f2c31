export * from './api-keys';
export * from './principal';
export * from './roles';
export * from './row-rules';
export * from './role-table';
