/** e-Otinish: complaints about school canteen service, filed by the Social Wallet. */
export * from './client';
export * from './mapping';
