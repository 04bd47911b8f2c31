import { createMongoDocumentStore } from '@crm/read-store/mongodb/mongo-document-store';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectCrashesLeaveARebuild, writeLog } from './crash-scenario';

/**
 * The crash test with the read models in a MongoDB-wire server (FerretDB in `npm test`), written
 * without transactions: the position guard alone must make the kills harmless.
 */
describe('a projection process on MongoDB killed in the middle of its work', () => {
  const uri = process.env.MONGODB_URI ?? '';
  const databaseName = `crm_crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let dir: string;
  let client: MongoClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-crash-mongo-'));
    client = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await client.db(databaseName).dropDatabase();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts into read models equal to a clean rebuild: nothing lost, nothing doubled', async () => {
    const serializer = await writeLog(dir, 4000);
    await expectCrashesLeaveARebuild({
      dir,
      readStore: { kind: 'mongodb', uri, databaseName },
      serializer,
      kills: 6,
      survived: () => createMongoDocumentStore({ client, databaseName, transactions: 'never' }),
    });
    // Alone on the 2-core CI machine it takes 270-290 s (FerretDB's SQLite backend, seven projector
    // starts, 4,000 events): a 300 s limit failed twice under load. The limit only catches a hang.
  }, 600_000);
});
