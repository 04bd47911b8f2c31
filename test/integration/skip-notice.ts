import { announce, backendsConfigured, dockerEngineReachable, SKIP_LINE } from './docker-engine';

/**
 * `npm test`'s globalSetup: it starts no container, so unless EVENTSTORE_CONNECTION_STRING and
 * MONGODB_URI name servers, the integration suites skip; this says so once.
 */
export default async function skipNotice(): Promise<void> {
  if (backendsConfigured()) return;
  announce(
    (await dockerEngineReachable())
      ? 'SKIPPED integration suites (EventStoreDB, MongoDB): npm test starts no containers — npm run test:integration runs them (a Docker engine is reachable here)'
      : SKIP_LINE,
  );
}
