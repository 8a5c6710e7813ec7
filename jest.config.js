/** Jest: TypeScript through SWC (type-checking is `tsc --noEmit`, run before jest by `npm test`). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
module.exports = {
  testEnvironment: 'node',
  // The subpath imports of package.json (#shared/..., #functions/...), as tsconfig.json's paths name them.
  moduleNameMapper: Object.fromEntries(
    Object.entries(require('./package.json').imports).map(([alias, target]) => [
      `^${alias.replace('*', '(.*)')}$`,
      `<rootDir>/${target.slice(2).replace('*', '$1')}`,
    ]),
  ),
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/artifacts/'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // @middy/core ships ESM only: let SWC turn it into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  reporters: ['default', '<rootDir>/test/closing-line-reporter.js'],
};
