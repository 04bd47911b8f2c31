import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';

/** EventStoreDB and MongoDB for the integration suites, started by testcontainers. */

const ESDB_PORT = 2113;
const MONGODB_PORT = 27017;
const STARTUP_TIMEOUT_MS = 180_000;

export type StartedBackends = {
  containers: StartedTestContainer[];
  eventStoreConnectionString: string;
  mongodbUri: string;
};

const startEventStoreDb = async (): Promise<StartedTestContainer> =>
  new GenericContainer(process.env.CRM_TEST_EVENTSTORE_IMAGE ?? 'eventstore/eventstore:24.10')
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
    })
    .withExposedPorts(ESDB_PORT)
    .withWaitStrategy(
      Wait.forHttp('/health/live', ESDB_PORT).forStatusCodeMatching(
        (status) => status >= 200 && status < 300,
      ),
    )
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();

// A single-node replica set, so the document store commits with transactions. The member is
// named as the server sees itself; clients connect with directConnection to the mapped port.
const INITIATE_REPLICA_SET = `
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'localhost:${MONGODB_PORT}' }] });
  for (let i = 0; i < 600 && !db.hello().isWritablePrimary; i++) sleep(100);
  quit(db.hello().isWritablePrimary ? 0 : 1);
`;

const startMongoReplicaSet = async (): Promise<StartedTestContainer> => {
  const container = await new GenericContainer(process.env.CRM_TEST_MONGODB_IMAGE ?? 'mongo:7')
    .withCommand(['--replSet', 'rs0', '--bind_ip_all'])
    .withExposedPorts(MONGODB_PORT)
    .withWaitStrategy(Wait.forLogMessage(/waiting for connections/i))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  const initiated = await container.exec(['mongosh', '--quiet', '--eval', INITIATE_REPLICA_SET]);
  if (initiated.exitCode !== 0) {
    await container.stop();
    throw new Error(`MongoDB replica set did not initiate: ${initiated.output}`);
  }
  return container;
};

/** Starts both servers; if either fails, stops the other and throws. */
export const startBackends = async (): Promise<StartedBackends> => {
  const [esdb, mongo] = await Promise.allSettled([startEventStoreDb(), startMongoReplicaSet()]);
  if (esdb.status === 'rejected' || mongo.status === 'rejected') {
    await Promise.all(
      [esdb, mongo].map((started) =>
        started.status === 'fulfilled' ? started.value.stop() : undefined,
      ),
    );
    throw esdb.status === 'rejected' ? esdb.reason : (mongo as PromiseRejectedResult).reason;
  }
  const esdbContainer = esdb.value;
  const mongoContainer = mongo.value;
  return {
    containers: [esdbContainer, mongoContainer],
    eventStoreConnectionString: `esdb://${esdbContainer.getHost()}:${esdbContainer.getMappedPort(ESDB_PORT)}?tls=false`,
    mongodbUri: `mongodb://${mongoContainer.getHost()}:${mongoContainer.getMappedPort(MONGODB_PORT)}/?directConnection=true`,
  };
};

// Jest runs globalSetup and globalTeardown in the same process; this is how one hands the other
// what it started.
type ContainerHolder = { crmIntegrationContainers?: StartedTestContainer[] };
const holder = globalThis as typeof globalThis & ContainerHolder;

export const rememberContainers = (containers: StartedTestContainer[]): void => {
  holder.crmIntegrationContainers = containers;
};

export const stopRememberedContainers = async (): Promise<void> => {
  const containers = holder.crmIntegrationContainers ?? [];
  holder.crmIntegrationContainers = undefined;
  await Promise.all(containers.map((container) => container.stop()));
};
