import { announce } from '../integration/docker-engine';
import { ensureFerretDb, FERRETDB_VERSION } from './ferretdb-binary';
import { startFerretDb } from './ferretdb-server';
import { rememberFerretDb } from './running-instance';

/**
 * `npm run test:ferretdb`: builds FerretDB if needed, starts it, and names it to the suites
 * (the variables set here reach the test workers, which Jest starts afterwards). The launcher
 * (run-suites.ts) has already skipped the whole step where there is no Go toolchain, so here a
 * failure to build or start is a failure.
 */
export default async function globalSetup(): Promise<void> {
  const built = await ensureFerretDb(announce);
  if (!built) throw new Error('no Go toolchain: run the FerretDB suites through run-suites.ts');
  if (built.builtInMs !== undefined)
    announce(`FerretDB ${FERRETDB_VERSION} built in ${(built.builtInMs / 1000).toFixed(1)} s`);
  const server = await startFerretDb(built.binary);
  rememberFerretDb(server);
  process.env.MONGODB_URI = server.uri;
  process.env.CRM_TEST_READ_STORE = 'mongodb';
  process.env.CRM_TEST_MONGODB_ENGINE = 'ferretdb';
  // FerretDB 1.24 has no transactions (see README, "MongoDB and FerretDB").
  process.env.CRM_MONGODB_TRANSACTIONS = 'never';
  announce(`FerretDB ${FERRETDB_VERSION} (SQLite backend) at ${server.uri}, pid ${server.pid}`);
}
