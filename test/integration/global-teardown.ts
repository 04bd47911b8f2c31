import { stopRememberedContainers } from './backend-containers';

/** Stops the containers global-setup.ts started, if it started any. */
export default async function globalTeardown(): Promise<void> {
  await stopRememberedContainers();
}
