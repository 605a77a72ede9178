/** School canteen system: pupils with an activated meal voucher, and the meals served against it. */
export * from './client';
export * from './mapping';
export type { PageRequest as CanteenPageRequest } from '../transport/support';
