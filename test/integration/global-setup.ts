import { rememberContainers, startBackends } from './backend-containers';
import { announce, backendsConfigured, dockerEngineReachable, SKIP_LINE } from './docker-engine';

/**
 * `npm run test:integration`: real EventStoreDB and MongoDB for the suites, from testcontainers,
 * or the servers EVENTSTORE_CONNECTION_STRING and MONGODB_URI already name. Without either, one
 * line says so and every integration suite skips (they skip when those variables are absent).
 * The variables set here reach the test workers, which Jest starts afterwards.
 */
export default async function globalSetup(): Promise<void> {
  if (backendsConfigured()) {
    announce(
      'integration suites against the servers named by EVENTSTORE_CONNECTION_STRING and MONGODB_URI',
    );
    return;
  }
  if (!(await dockerEngineReachable())) {
    delete process.env.EVENTSTORE_CONNECTION_STRING;
    delete process.env.MONGODB_URI;
    announce(SKIP_LINE);
    return;
  }
  const backends = await startBackends();
  rememberContainers(backends.containers);
  process.env.EVENTSTORE_CONNECTION_STRING = backends.eventStoreConnectionString;
  process.env.MONGODB_URI = backends.mongodbUri;
  announce(
    `integration suites against EventStoreDB at ${backends.eventStoreConnectionString} and MongoDB at ${backends.mongodbUri} (testcontainers)`,
  );
}
