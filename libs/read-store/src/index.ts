export * from './document-store';
export * from './embedded/embedded-document-store';
