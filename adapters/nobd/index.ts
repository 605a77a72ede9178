/** NOBD (National Education Database): schools and pupils, home-schooling orders, legal representatives, reports. */
export * from './client';
export * from './mapping';
export type { PageRequest as NobdPageRequest } from '../transport/support';
