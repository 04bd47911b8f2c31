/** Another process (or another store in this one) holds the read store's file. */
export class ReadStoreInUseError extends Error {
  constructor(readonly path: string) {
    super(`read store ${path} is in use by another process`);
    this.name = 'ReadStoreInUseError';
  }
}

/** A document the store cannot keep as JSON (a BigInt, a cycle...). */
export class UnserializableDocumentError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    cause: unknown,
  ) {
    super(
      `document ${id} of ${collection} is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'UnserializableDocumentError';
  }
}
