export * from './api-keys';
export * from './principal';
export * from './roles';
export * from './role-table';
