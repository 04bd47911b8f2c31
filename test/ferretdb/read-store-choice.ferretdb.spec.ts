import { MongoClient } from 'mongodb';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The FerretDB step runs the HTTP suites with CRM_READ_STORE=mongodb: this proves the switch
 * took, so a run where they silently fell back to the embedded store would fail here.
 */
describe('the end-to-end suites of the FerretDB step', () => {
  let t: TestApp;
  let client: MongoClient;

  beforeAll(async () => {
    t = await startTestApp();
    client = await new MongoClient(process.env.MONGODB_URI ?? '').connect();
  });

  afterAll(async () => {
    await t.close();
    await client.close();
  });

  it('keep their read models in the MongoDB-wire server', async () => {
    expect(process.env.CRM_TEST_READ_STORE).toBe('mongodb');
    const created = await t
      .http()
      .post('/contacts')
      .send({ firstName: 'Ada', lastName: 'L' })
      .expect(201);
    await t
      .http()
      .get(`/contacts/${created.body.id}`)
      .query({ minPosition: created.body.position })
      .expect(200);
    const { databases } = await client.db('admin').admin().listDatabases();
    const checkpoints = await Promise.all(
      databases
        .filter((database) => database.name.startsWith('crm_e2e_'))
        .map((database) => client.db(database.name).collection('_checkpoints').countDocuments()),
    );
    expect(checkpoints.some((count) => count > 0)).toBe(true);
  });
});
