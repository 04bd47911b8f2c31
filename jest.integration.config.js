const base = require('./jest.config');

/**
 * `npm run test:integration`: the suites that need real EventStoreDB and MongoDB servers
 * (`*.integration.spec.ts`: the adapters' contract suites and the HTTP end-to-end suite).
 * The global setup starts both with testcontainers, or says in one line that no Docker
 * engine is reachable and lets every suite skip.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testRegex: '.*\\.integration\\.spec\\.ts$',
  globalSetup: '<rootDir>/test/integration/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
  testTimeout: 120000,
};
