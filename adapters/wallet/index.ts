/** Social Wallet (eGov Mobile): vouchers for gas and school meals — hand-over, activation, QR, meals, discounts. */
export * from './client';
export * from './mapping';
export type { PageRequest as WalletPageRequest } from '../transport/support';
