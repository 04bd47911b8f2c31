const base = require('./jest.config');

/**
 * The FerretDB step of `npm test` (`npm run test:ferretdb`): the suites that need a MongoDB-wire
 * server, against a FerretDB (SQLite backend) that the global setup builds with `go install`
 * once, starts on a free 127.0.0.1 port and stops afterwards: the MongoDB document-store
 * contract, the MongoDB lease store, the projector's takeover and graceful stop and the crash
 * test on MongoDB (`*.ferretdb.spec.ts`), and every HTTP end-to-end suite with
 * CRM_READ_STORE=mongodb.
 */
/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testRegex: [
    '.*\\.ferretdb\\.spec\\.ts$',
    '.*\\.e2e\\.spec\\.ts$',
    'libs/read-store/src/mongodb/mongo-document-store\\.integration\\.spec\\.ts$',
  ],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/ferretdb/global-setup.ts',
  globalTeardown: '<rootDir>/test/ferretdb/global-teardown.ts',
  testTimeout: 60000,
};
