/** Consent service (ДДҚ / КДП): consents to process personal data, consent checks and their tokens. */
export * from './client';
export * from './mapping';
