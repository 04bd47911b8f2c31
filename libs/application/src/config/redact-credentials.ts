/** A connection string fit for a log line: the password after `user:` is masked. */
export const redactCredentials = (connectionString: string): string =>
  connectionString.replace(/^([A-Za-z+]+:\/\/[^:@/?]*:).*@/, '$1***@');
