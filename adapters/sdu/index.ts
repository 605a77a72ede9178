/** SDU (Smart Data Ukimet): the monthly gas and meals lists of potential recipients, and the portal's reports. */
export * from './client';
export * from './mapping';
export type { PageRequest as SduPageRequest } from '../transport/support';
