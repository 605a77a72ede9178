/** E-Sobes: home-schooling compensation applications; IPR measure reactivation and execution. */
export * from './client';
export * from './mapping';
export type { PageRequest as EsobesPageRequest } from '../transport/support';
