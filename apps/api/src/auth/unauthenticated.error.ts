/** The credential is missing or not acceptable; the reason is for logs, never for the client. */
export class UnauthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnauthenticatedError';
  }
}
