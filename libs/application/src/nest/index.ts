export * from './command-side.module';
export * from './read-side.module';
export * from './execute-domain-command';
export * from './tokens';
export * from './configuration';
