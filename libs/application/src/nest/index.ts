export * from './application.module';
export * from './execute-domain-command';
export * from './tokens';
export * from './configuration';
