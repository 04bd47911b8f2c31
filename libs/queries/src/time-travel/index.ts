export * from './record-as-of';
