/**
 * The rules of the legal acts (../shared/seeds) as data: every value cites its seed file and clause, and is
 * versioned by the date its act took effect.
 */
export { LEGAL_ACTS } from './citation';
export type { Citation, LegalAct, LegalActId, SeedFile, Source } from './citation';

export {
  GAS_VOUCHER_VERSIONS,
  gasReminderDueOn,
  gasVoucherRules,
  gasVoucherVersion,
  gasVoucherVersionOn,
} from './gas-voucher';
export type {
  GasPilot,
  GasRuleField,
  GasRulesVersion,
  GasVoucherRules,
  GasVoucherVersion,
  PilotRegion,
} from './gas-voucher';

export {
  PUPIL_CATEGORIES,
  SCHOOL_MEALS_RULES,
  mealsProcessEndsOn,
  mealsReminderDueOn,
  pickMealsSmsRecipient,
  schoolMealsRules,
} from './school-meals';
export type {
  CodedName,
  MealsRecipientCandidate,
  MealsRecipientRole,
  PupilCategoryCode,
  SchoolMealsRuleField,
  SchoolMealsRules,
  SchoolMealsRulesVersion,
} from './school-meals';

export {
  HOME_SCHOOLING_EXCLUSION_REASONS,
  HOME_SCHOOLING_RULES,
  homeSchoolingOfferForm,
  homeSchoolingRules,
} from './home-schooling';
export type {
  HomeSchoolingExclusionCode,
  HomeSchoolingExclusionReason,
  HomeSchoolingForm,
  HomeSchoolingFormRule,
  HomeSchoolingReplyKind,
  HomeSchoolingRuleField,
  HomeSchoolingRules,
  HomeSchoolingRulesVersion,
} from './home-schooling';

export {
  SOCIAL_PORTAL_RULES,
  socialPortalRules,
  supplierChoiceBlockedSmsOn,
  supplierChoiceLastDay,
} from './social-portal';
export type { FailureHandlingStep, SocialPortalRules, SocialPortalRulesVersion, Term } from './social-portal';
