// Jest in ESM mode: ts-jest compiles TypeScript as ESM and the test script runs node with
// --experimental-vm-modules. ESM-only packages (@actions/core 3) are mocked with
// jest.unstable_mockModule before the module under test is imported.
/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    // @actions/workflow-parser imports its schema as JSON without `with { type: 'json' }`.
    '^\\.\\./workflow-v1\\.0\\.min\\.json$': '<rootDir>/test/support/workflow-schema.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageReporters: ['text-summary', 'lcov', 'json-summary'],
  // Enforced by .ci/run (it runs jest with --coverage).
  coverageThreshold: { global: { lines: 90, branches: 90 } },
  testTimeout: 30000,
  // Two: the end-to-end files mostly wait on the stand-in's clock, so they overlap well with the
  // CPU-bound unit files even on a two-core runner (jest's default there is one worker).
  maxWorkers: 2
}
