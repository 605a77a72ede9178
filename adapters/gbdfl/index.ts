/** GBD FL (state database "Individuals") through SHEP: persons, birth certificates, kinship. */
export * from './client';
export * from './mapping';
