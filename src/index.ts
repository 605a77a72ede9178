/**
 * kz-proactive: the integration layer of Kazakhstan's proactive social services.
 * The public API: domain primitives, the systems and their contracts.
 */
export * from './domain';
export * from './systems';
export * from './contracts';
export * from '../adapters';
export { VERSION } from './version';
