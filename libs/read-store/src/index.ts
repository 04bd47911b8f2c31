export * from './document-store';
export * from './embedded/embedded-document-store';
export * from './mongodb/mongo-document-store';
