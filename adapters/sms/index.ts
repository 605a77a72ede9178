/** SMS gateway (short numbers 1414 and 5169): outbound SMS, their delivery status, the citizens' replies. */
export * from './client';
export * from './mapping';
