/** Second-tier banks (ЕДБ / БВУ): the bank list, special benefit accounts by IIN, watches for a new account. */
export * from './client';
export * from './mapping';
