import { helloHasTransactions, TransactionSwitch } from './transaction-switch';

describe('helloHasTransactions', () => {
  it('replica-set members and mongos have transactions; a standalone server and FerretDB do not', () => {
    expect(helloHasTransactions({ setName: 'rs0' })).toBe(true);
    expect(helloHasTransactions({ msg: 'isdbgrid' })).toBe(true);
    expect(helloHasTransactions({})).toBe(false);
    // FerretDB 1.24's answer, as seen in the test run (no setName without --repl-set-name).
    expect(helloHasTransactions({ isWritablePrimary: true, maxWireVersion: 21 } as object)).toBe(
      false,
    );
  });
});

describe('TransactionSwitch', () => {
  it("'always' and 'never' are what they say and never ask the server", async () => {
    const ask = jest.fn(async () => ({ setName: 'rs0' }));
    expect(await new TransactionSwitch('always', ask).useTransactions()).toBe(true);
    expect(await new TransactionSwitch('never', ask).useTransactions()).toBe(false);
    expect(ask).not.toHaveBeenCalled();
  });

  it("'auto' asks once and keeps the answer", async () => {
    const ask = jest.fn(async () => ({ setName: 'rs0' }));
    const auto = new TransactionSwitch('auto', ask);
    expect(await auto.useTransactions()).toBe(true);
    expect(await auto.useTransactions()).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await new TransactionSwitch('auto', async () => ({})).useTransactions()).toBe(false);
  });

  it("'auto' asks again after a failed question instead of guessing", async () => {
    const answers = [Promise.reject(new Error('down')), Promise.resolve({ setName: 'rs0' })];
    const auto = new TransactionSwitch('auto', () => answers.shift() ?? Promise.resolve({}));
    await expect(auto.useTransactions()).rejects.toThrow('down');
    expect(await auto.useTransactions()).toBe(true);
  });
});
