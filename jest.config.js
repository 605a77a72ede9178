/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/global-setup.js',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // Pact 16.5 pulls in https-proxy-agent 9 / agent-base, which are ESM only; Node 20 loads them natively
    // (require(esm)) but Jest's module runtime does not before Node 24.9, so Jest compiles them to CommonJS.
    '/node_modules/.*(https-proxy-agent|agent-base|proxy-agent-negotiate)/.+\\.js$': [
      'ts-jest',
      {
        tsconfig: {
          allowJs: true,
          module: 'commonjs',
          target: 'ES2022',
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?(https-proxy-agent|agent-base|proxy-agent-negotiate)/)'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.scratch/', '/.pact-out/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};
