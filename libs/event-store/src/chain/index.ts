export * from './canonical-json';
export * from './event-hash';
export * from './chain-verifier';
