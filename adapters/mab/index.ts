/** MAB (Mobile Citizens Base): the phone registered for an IIN. */
export * from './client';
export * from './mapping';
