export * from './record-as-of';
export * from './versions-valid-at';
