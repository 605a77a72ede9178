/** MODB (central database of persons with disabilities) through SHEP: disability and IPR measures. */
export * from './client';
export * from './mapping';
