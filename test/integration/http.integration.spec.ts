import { deterministicId, loadConfig } from '@crm/application';
import { withEsdbScheme } from '@crm/application/config/esdb-connection-string';
import { EventStoreDBClient } from '@eventstore/db-client';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { mintToken, TEST_AUTH_ENV } from '../support/credentials';

/**
 * The API as production runs it: CRM_EVENT_STORE=eventstoredb and CRM_READ_STORE=mongodb,
 * chosen by configuration alone. Runs where EVENTSTORE_CONNECTION_STRING and MONGODB_URI name
 * real servers (`npm run test:integration` starts them with testcontainers); skipped otherwise,
 * and the run's global setup has said so in one line.
 */
const EVENTSTORE_CONNECTION_STRING = process.env.EVENTSTORE_CONNECTION_STRING;
const MONGODB_URI = process.env.MONGODB_URI;
const suite = EVENTSTORE_CONNECTION_STRING && MONGODB_URI ? describe : describe.skip;

type Answer = { id: string; revision: number; position: string; appended: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('HTTP API on EventStoreDB and MongoDB', () => {
  const runId = randomUUID().replace(/-/g, '').slice(0, 12);
  // A tenant and a database of this run's own: the servers may be shared with other runs.
  const tenant = `it-${runId}`;
  const databaseName = `crm_http_${runId}`;
  let app: NestFastifyApplication | undefined;
  let mongo: MongoClient | undefined;
  let esdb: EventStoreDBClient | undefined;

  const api = () =>
    request
      .agent(app?.getHttpServer())
      .set('authorization', `Bearer ${mintToken({ sub: 'it-user', tenant, roles: ['admin'] })}`);

  const command = async (path: string, body: object, expected = 201): Promise<Answer> =>
    (await api().post(path).send(body).expect(expected)).body as Answer;

  /** Event types of a stream as EventStoreDB holds them, read with its own client. */
  const storedTypes = async (streamName: string): Promise<string[]> => {
    const types: string[] = [];
    for await (const { event } of esdb!.readStream(streamName)) {
      if (event) types.push(event.type);
    }
    return types;
  };

  beforeAll(async () => {
    const config = loadConfig({
      CRM_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING,
      CRM_READ_STORE: 'mongodb',
      MONGODB_URI,
      MONGODB_DATABASE: databaseName,
      CRM_RUN_PROJECTIONS: 'true',
      CRM_RUN_PROCESSES: 'true',
      CRM_READ_WAIT_TIMEOUT_MS: '30000',
      ...TEST_AUTH_ENV,
    });
    app = await createApp({ config, logger: false });
    mongo = await new MongoClient(MONGODB_URI ?? '').connect();
    esdb = EventStoreDBClient.connectionString(withEsdbScheme(EVENTSTORE_CONNECTION_STRING ?? ''));
  });

  afterAll(async () => {
    await app?.close();
    await mongo?.db(databaseName).dropDatabase();
    await mongo?.close();
    await esdb?.dispose();
  });

  it('reports the event store up on /health', async () => {
    const { body } = await api().get('/health').expect(200);
    expect(body).toMatchObject({ status: 'ok', eventStore: { status: 'up' } });
  });

  it('appends to EventStoreDB, projects into MongoDB and reads its own writes', async () => {
    const account = await command('/accounts', { name: 'Analytical Engines' });
    const contact = await command('/contacts', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [{ address: 'ada@analytical.example', primary: true }],
      accountId: account.id,
    });

    const view = await api()
      .get(`/contacts/${contact.id}/360`)
      .query({ minPosition: contact.position })
      .expect(200);
    expect(view.body.profile).toMatchObject({ contactId: contact.id, fullName: 'Ada Lovelace' });
    expect(view.body.account).toMatchObject({ accountId: account.id, name: 'Analytical Engines' });

    const tagged = await command(`/contacts/${contact.id}/tags`, { tag: 'pioneer' }, 200);
    const list = await api()
      .get('/contacts')
      .query({ tag: 'pioneer', minPosition: tagged.position })
      .expect(200);
    expect(list.body.items.map((c: { contactId: string }) => c.contactId)).toEqual([contact.id]);

    expect(await storedTypes(`contact-${tenant}.${contact.id}`)).toEqual([
      'ContactCreated.v1',
      'ContactTagged.v1',
    ]);
    const checkpoints = await mongo!.db(databaseName).collection('_checkpoints').countDocuments();
    expect(checkpoints).toBeGreaterThan(0);
  });

  it('applies If-Match against the stream revision: one concurrent writer wins, the rest get 412', async () => {
    const account = await command('/accounts', { name: 'Contended' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api()
          .patch(`/accounts/${account.id}`)
          .set('if-match', '"0"')
          .send({ name: `Writer ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(9);
    const { body } = await api().get(`/audit/account/${account.id}`).expect(200);
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'AccountRegistered',
      'AccountProfileUpdated',
    ]);
  });

  it('answers a repeated idempotency key with the first answer and appends once', async () => {
    const send = () =>
      api()
        .post('/contacts')
        .set('idempotency-key', `create-${runId}`)
        .send({ firstName: 'Grace', lastName: 'Hopper' })
        .expect(201);
    const first = (await send()).body as Answer;
    const again = (await send()).body as Answer;
    expect(again).toMatchObject({ id: first.id, revision: 0, position: first.position });
    expect(await storedTypes(`contact-${tenant}.${first.id}`)).toEqual(['ContactCreated.v1']);
  });

  it('converts a lead through the process manager fed by the EventStoreDB subscription', async () => {
    const lead = await command('/leads', {
      source: 'webinar',
      contact: {
        firstName: 'Alan',
        lastName: 'Turing',
        email: 'alan@bletchley.example',
        company: 'Bletchley',
      },
    });
    await command(`/leads/${lead.id}/qualify`, {}, 200);
    await command(`/leads/${lead.id}/convert`, {}, 200);

    const contactId = deterministicId(tenant, 'lead-conversion', lead.id, 'contact');
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await api().get(`/contacts/${contactId}`)).status;
      if (status === 200) break;
      await sleep(200);
    }
    expect(status).toBe(200);
    expect(await storedTypes(`contact-${tenant}.${contactId}`)).toEqual(['ContactCreated.v1']);
  });
});
