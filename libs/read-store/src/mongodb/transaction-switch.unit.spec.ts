import { MongoServerError } from 'mongodb';
import {
  bulkWrapping,
  retryableWritesWrapper,
  standaloneTransactionError,
} from './driver-errors.fixture';
import { TransactionSwitch } from './transaction-switch';

const notSupported = () => bulkWrapping(retryableWritesWrapper(standaloneTransactionError()));
const writeConflict = () =>
  new MongoServerError({
    ok: 0,
    errmsg: 'WriteConflict',
    code: 112,
    errorLabels: ['TransientTransactionError'],
  });

describe('TransactionSwitch', () => {
  it("'auto' uses transactions until the deployment has none, then never again", () => {
    const transactions = new TransactionSwitch('auto');
    expect(transactions.useTransactions).toBe(true);
    expect(transactions.fallBackAfter(writeConflict())).toBe(false);
    expect(transactions.useTransactions).toBe(true);
    expect(transactions.fallBackAfter(notSupported())).toBe(true);
    expect(transactions.useTransactions).toBe(false);
  });

  it("'always' never falls back: the error is the caller's", () => {
    const transactions = new TransactionSwitch('always');
    expect(transactions.fallBackAfter(notSupported())).toBe(false);
    expect(transactions.useTransactions).toBe(true);
  });

  it("'never' does not use transactions", () => {
    const transactions = new TransactionSwitch('never');
    expect(transactions.useTransactions).toBe(false);
    expect(transactions.fallBackAfter(notSupported())).toBe(false);
  });
});
