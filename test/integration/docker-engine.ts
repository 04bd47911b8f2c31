import { getContainerRuntimeClient } from 'testcontainers';

/** The one line a run prints when the suites that need real servers cannot run. */
export const SKIP_LINE =
  'SKIPPED integration suites (EventStoreDB, MongoDB): no Docker engine reachable — they run where Docker is available';

/** Printed as it is, outside Jest's console capture, so the run says it once and plainly. */
export const announce = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Whether testcontainers finds a container runtime (DOCKER_HOST, the socket, a Docker context...). */
export const dockerEngineReachable = async (): Promise<boolean> => {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
};

/** Both servers named by the environment: the integration suites run against them. */
export const backendsConfigured = (): boolean =>
  Boolean(process.env.EVENTSTORE_CONNECTION_STRING && process.env.MONGODB_URI);
