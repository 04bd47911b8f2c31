/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '.*\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // jose 6 ships ES modules only; jest's CommonJS runtime needs them compiled.
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@crm/(domain|event-store|application|testing|read-store|projections|queries|demo-data)$':
      '<rootDir>/libs/$1/src',
    '^@crm/(domain|event-store|application|testing|read-store|projections|queries|demo-data)/(.*)$':
      '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  // Starts no container: says once that the suites needing EventStoreDB and MongoDB skip.
  globalSetup: '<rootDir>/test/integration/skip-notice.ts',
};
