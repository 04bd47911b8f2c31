import { RunningFerretDb } from './ferretdb-server';

// Jest runs globalSetup and globalTeardown in the same process; this is how one hands the other
// the server it started.
type Holder = { crmFerretDb?: RunningFerretDb };
const holder = globalThis as typeof globalThis & Holder;

export const rememberFerretDb = (server: RunningFerretDb): void => {
  holder.crmFerretDb = server;
};

export const stopRememberedFerretDb = async (): Promise<void> => {
  const server = holder.crmFerretDb;
  holder.crmFerretDb = undefined;
  await server?.stop();
};
