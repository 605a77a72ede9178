/**
 * The mocks: the shared framework (virtual clock, journal, faults, provider states, contract validation,
 * idempotency, `/__admin`) and one simulator per system. `createMocks(options)`, which starts all fourteen,
 * comes when the other systems' mocks land.
 */
export * from './core';
export * from './mab';
