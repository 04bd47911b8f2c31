/**
 * A start-up failure an operator can act on: the message is one line naming the setting
 * involved and the remedy. The cause keeps the underlying error for the debug log.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** The first line of an error's message, for quoting a driver's reason inside our one line. */
export const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim();
};
