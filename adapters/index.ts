/** The adapters: the transports and one typed client per system. */
export * from './transport';
export * from './mab';
