// One jest preset for every package: TypeScript through ts-jest, tests in test/.
// The base tsconfig sets isolatedModules, so ts-jest transpiles file by file (fast);
// `npm run typecheck` does the full type check.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 60000,
};
