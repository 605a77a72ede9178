/** The Social Services Portal (aleumet.egov.kz): IPR measures, supplier choice, reactivation, executions. */
export * from './client';
export * from './mapping';
export type { PageRequest as SocialPortalPageRequest } from '../transport/support';
