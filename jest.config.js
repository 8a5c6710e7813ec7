/** Jest: TypeScript through SWC (type-checking is `tsc --noEmit`, run before jest by `npm test`). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/artifacts/'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/closing-line-reporter.js'],
};
