/** Billing of QazaqGaz Aimaq: personal accounts, the activated voucher lists, consumption, receipts, discounts. */
export * from './client';
export * from './mapping';
export type { PageRequest as BillingPageRequest } from '../transport/support';
