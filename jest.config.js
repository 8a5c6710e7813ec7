/**
 * Jest: TypeScript through SWC (type-checking is `tsc --noEmit`, run before jest by `npm test`).
 *
 * Two projects, told apart by the file name alone so that a new test needs no change here:
 * - `integration`: `*.int.test.ts(x)` and `*.e2e.test.ts(x)`: tests that need DynamoDB Local (Java), Chromium,
 *   LibreOffice or the local stack. Only this project starts DynamoDB Local (global setup).
 * - `unit`: every other `*.test.ts(x)`: no Java, Chromium or LibreOffice; `npm run test:unit`.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
const INTEGRATION = '\\.(int|e2e)\\.test\\.tsx?$';

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // The subpath imports of package.json (#shared/..., #functions/...), as tsconfig.json's paths name them.
  moduleNameMapper: Object.fromEntries(
    Object.entries(require('./package.json').imports).map(([alias, target]) => [
      `^${alias.replace('*', '(.*)')}$`,
      `<rootDir>/${target.slice(2).replace('*', '$1')}`,
    ]),
  ),
  transform: { '^.+\\.(t|j)sx?$': swc },
  // @middy/core ships ESM only: let SWC turn it into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
};

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/closing-line-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/test/artifacts/', INTEGRATION],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int.test.ts', '<rootDir>/test/**/*.int.test.tsx', '<rootDir>/test/**/*.e2e.test.ts', '<rootDir>/test/**/*.e2e.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/test/artifacts/'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
