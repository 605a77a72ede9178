/** The transports every adapter is built on, and the typed errors they throw. */
export * from './errors';
export * from './retry';
export * from './breaker';
export * from './validation';
export * from './logging';
export * from './http';
export * from './soap';
export type { ClientDeps, CursorPage, PageRequest } from './support';
