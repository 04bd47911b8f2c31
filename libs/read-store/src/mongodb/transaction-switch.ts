import { Db } from 'mongodb';

/**
 * CRM_MONGODB_TRANSACTIONS. 'auto': transactions when the deployment is a replica set or a
 * sharded cluster (asked once, with `hello`), the position guard elsewhere. 'always':
 * transactions, failing where there are none. 'never': the position guard only (FerretDB 1.x,
 * which answers `hello` like a standalone server unless started with --repl-set-name, but has
 * no transactions either way).
 */
export type TransactionSetting = 'auto' | 'always' | 'never';

type Hello = { setName?: unknown; msg?: unknown };

/** What `hello` says about transactions: replica-set members and mongos have them. */
export const helloHasTransactions = (hello: Hello): boolean =>
  typeof hello.setName === 'string' || hello.msg === 'isdbgrid';

/** Decides once per store whether commits use transactions. */
export class TransactionSwitch {
  private decided?: Promise<boolean>;

  constructor(
    private readonly setting: TransactionSetting,
    private readonly ask: () => Promise<Hello>,
  ) {}

  static forDb(setting: TransactionSetting, db: Db): TransactionSwitch {
    return new TransactionSwitch(setting, () => db.admin().command({ hello: 1 }) as Promise<Hello>);
  }

  useTransactions(): Promise<boolean> {
    if (this.setting !== 'auto') return Promise.resolve(this.setting === 'always');
    this.decided ??= this.ask().then(helloHasTransactions, (error: unknown) => {
      this.decided = undefined; // not decided: ask again at the next commit
      throw error;
    });
    return this.decided;
  }
}
