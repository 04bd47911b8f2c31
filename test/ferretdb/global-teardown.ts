import { stopRememberedFerretDb } from './running-instance';

/** Stops the FerretDB global-setup.ts started and removes its temporary folder. */
export default async function globalTeardown(): Promise<void> {
  await stopRememberedFerretDb();
}
