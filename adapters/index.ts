/** The adapters: the transports and one typed client per system. */
export * from './transport';
export * from './mab';
export * from './sms';
export * from './gbdfl';
export * from './modb';
export * from './nobd';
export * from './consent';
export * from './banks';
export * from './wallet';
export * from './eotinish';
export * from './billing';
export * from './canteen';
export * from './sdu';
export * from './esobes';
export * from './social-portal';
export * from './create';
