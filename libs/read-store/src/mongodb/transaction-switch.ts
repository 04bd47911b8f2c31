import { isTransactionNotSupportedError } from './mongo-errors';

/**
 * 'auto': use transactions until the deployment says it has none (a standalone server), then
 * the position guard for good. 'always': transactions, failing where there are none.
 * 'never': the position guard only.
 */
export type TransactionSetting = 'auto' | 'always' | 'never';

export class TransactionSwitch {
  private available: boolean;

  constructor(private readonly setting: TransactionSetting) {
    this.available = setting !== 'never';
  }

  get useTransactions(): boolean {
    return this.available;
  }

  /**
   * After a transactional commit failed: true when the batch should be written again without a
   * transaction, as every later one will be. The failed transaction wrote nothing.
   */
  fallBackAfter(error: unknown): boolean {
    if (this.setting !== 'auto' || !isTransactionNotSupportedError(error)) return false;
    this.available = false;
    return true;
  }
}
