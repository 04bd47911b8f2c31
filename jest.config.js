/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '.*\\.spec\\.ts$',
  // Run by the FerretDB step (jest.ferretdb.config.js), which starts the server they need.
  testPathIgnorePatterns: ['/node_modules/', '\\.ferretdb\\.spec\\.ts$'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest'] },
  // Packages published as ES modules only, compiled to CommonJS for jest like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs/terminus|@nestjs/config|jose)/)'],
  moduleNameMapper: {
    '^@crm/(domain|event-store|application|testing|read-store|projections|queries|demo-data)$':
      '<rootDir>/libs/$1/src',
    '^@crm/(domain|event-store|application|testing|read-store|projections|queries|demo-data)/(.*)$':
      '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/plain-summary-reporter.js'],
  // Starts no container: says once that the suites needing EventStoreDB and MongoDB skip.
  globalSetup: '<rootDir>/test/integration/skip-notice.ts',
};
