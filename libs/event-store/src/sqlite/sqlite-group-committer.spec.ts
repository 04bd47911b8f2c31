import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendResult } from '../event-store';
import { CommittedGroup } from './sqlite-committer';
import { createGroupCommitter } from './sqlite-group-commit';
import { createGroupTransaction, RunGroup } from './sqlite-group-transaction';
import { PreparedAppend, prepareAppend } from './sqlite-prepared-append';
import { EVENTS_TABLE, openEventDatabase } from './sqlite-schema';
import { prepareStatements } from './sqlite-statements';

const prepared = (streamName: string, expected: PreparedAppend['expected'] = 'any') =>
  prepareAppend(
    streamName,
    [{ id: randomUUID(), type: 'CommitterTested.v1', data: {}, metadata: {} }],
    expected,
  );

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('group committer', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;
  let committed: CommittedGroup[];
  const onCommit = (group: CommittedGroup): void => {
    committed.push(group);
  };
  const rowCount = (): number => {
    const reader = new Database(file, { readonly: true });
    try {
      return Number(reader.prepare(`SELECT COUNT(*) AS n FROM ${EVENTS_TABLE}`).pluck().get());
    } finally {
      reader.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-group-committer-'));
    file = join(dir, 'events.db');
    db = openEventDatabase(file, 'FULL');
    committed = [];
  });

  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a failed COMMIT rejects every append of the group and writes nothing', async () => {
    let failCommit = true;
    const runGroup = createGroupTransaction(db, prepareStatements(db), {
      beforeCommit: () => {
        if (failCommit) throw new Error('simulated commit failure');
      },
    });
    const committer = createGroupCommitter(runGroup, onCommit);
    const attempts = await Promise.allSettled([
      committer.append(prepared('a')),
      committer.append(prepared('b', 'no_stream')),
      committer.append(prepared('b', 0n)),
      committer.append(prepared('c', 7n)),
    ]);
    expect(attempts.map((a) => a.status)).toEqual(attempts.map(() => 'rejected'));
    for (const attempt of attempts) {
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({
        message: 'simulated commit failure',
      });
    }
    expect(committed).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(rowCount()).toBe(0);

    failCommit = false;
    await expect(committer.append(prepared('b', 'no_stream'))).resolves.toMatchObject({
      nextRevision: 0n,
    });
    expect(rowCount()).toBe(1);
  });

  it('a database closed before the group runs rejects all of it and writes nothing', async () => {
    const committer = createGroupCommitter(
      createGroupTransaction(db, prepareStatements(db)),
      onCommit,
    );
    const pending = [committer.append(prepared('a')), committer.append(prepared('b'))];
    db.close();
    const attempts = await Promise.allSettled(pending);
    expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(committed).toEqual([]);
    expect(rowCount()).toBe(0);
  });

  it('commits the appends of a turn on the next turn, in groups of at most the maximum', async () => {
    const real = createGroupTransaction(db, prepareStatements(db));
    const sizes: number[] = [];
    const runGroup: RunGroup = (group) => {
      sizes.push(group.length);
      return real(group);
    };
    const committer = createGroupCommitter(runGroup, onCommit, 3);
    const pending: Promise<AppendResult>[] = Array.from({ length: 7 }, (_, i) =>
      committer.append(prepared(`s-${i}`)),
    );
    expect(sizes).toEqual([]);
    await nextTurn();
    expect(sizes).toEqual([3, 3, 1]);
    const positions = (await Promise.all(pending)).map((r) => r.position);
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    expect(committed).toEqual([
      { appends: 3, wroteEvents: true },
      { appends: 3, wroteEvents: true },
      { appends: 1, wroteEvents: true },
    ]);
  });

  it('lets the event loop turn while a producer keeps more than a group in flight', async () => {
    const committer = createGroupCommitter(
      createGroupTransaction(db, prepareStatements(db)),
      onCommit,
      3,
    );
    const total = 300;
    let acknowledged = 0;
    const producer = async (worker: number): Promise<void> => {
      for (let i = 0; i < total / 3; i += 1) {
        await committer.append(prepared(`w-${worker}`));
        acknowledged += 1;
      }
    };
    let acknowledgedWhenTheLoopTurned: number | undefined;
    const producers = [0, 1, 2].map(producer);
    setImmediate(() => {
      acknowledgedWhenTheLoopTurned = acknowledged;
    });
    await Promise.all(producers);
    expect(acknowledged).toBe(total);
    expect(acknowledgedWhenTheLoopTurned).toBeLessThan(total);
    expect(rowCount()).toBe(total);
  });

  describe('with a trigger that refuses some event types', () => {
    const typed = (streamName: string, types: string[]): PreparedAppend =>
      prepareAppend(
        streamName,
        types.map((type) => ({ id: randomUUID(), type, data: {}, metadata: {} })),
        'any',
      );

    beforeEach(() => {
      db.exec(`
        CREATE TRIGGER refuse BEFORE INSERT ON ${EVENTS_TABLE} WHEN NEW.type = 'Refused'
        BEGIN SELECT RAISE(ABORT, 'refused'); END;
        CREATE TRIGGER doom BEFORE INSERT ON ${EVENTS_TABLE} WHEN NEW.type = 'Doomed'
        BEGIN SELECT RAISE(ROLLBACK, 'doomed'); END;
      `);
    });

    it('an append failing after its first insert is rolled back alone, to its savepoint', async () => {
      const committer = createGroupCommitter(
        createGroupTransaction(db, prepareStatements(db)),
        onCommit,
      );
      const [before, refused, after] = await Promise.allSettled([
        committer.append(typed('s', ['Ok'])),
        committer.append(typed('s', ['Ok', 'Refused'])),
        committer.append(typed('s', ['Ok'])),
      ]);
      expect(before).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0n } });
      expect(refused).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
      expect(after).toMatchObject({ status: 'fulfilled', value: { nextRevision: 1n } });
      expect(committed).toEqual([{ appends: 3, wroteEvents: true }]);
      expect(rowCount()).toBe(2);
    });

    it('an error that ends the whole transaction fails the whole group', async () => {
      const committer = createGroupCommitter(
        createGroupTransaction(db, prepareStatements(db)),
        onCommit,
      );
      const attempts = await Promise.allSettled([
        committer.append(typed('a', ['Ok'])),
        committer.append(typed('b', ['Doomed'])),
        committer.append(typed('c', ['Ok'])),
      ]);
      for (const attempt of attempts) {
        expect(attempt).toMatchObject({ status: 'rejected', reason: { message: 'doomed' } });
      }
      expect(committed).toEqual([]);
      expect(db.inTransaction).toBe(false);
      expect(rowCount()).toBe(0);
      await expect(committer.append(typed('c', ['Ok']))).resolves.toMatchObject({
        nextRevision: 0n,
      });
    });
  });

  it('reports a group whose appends all failed as committed without events', async () => {
    const committer = createGroupCommitter(
      createGroupTransaction(db, prepareStatements(db)),
      onCommit,
    );
    await Promise.allSettled([committer.append(prepared('x', 0n))]);
    expect(committed).toEqual([{ appends: 1, wroteEvents: false }]);
  });
});
