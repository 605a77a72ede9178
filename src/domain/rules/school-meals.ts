/**
 * Free and discounted school meals through the Social Wallet (seed 002): consent campaign timing, codes, whom to
 * ask, the pupil categories and the voucher's life, as data.
 *
 * Decisions the seed leaves open (each is tested):
 * - Pilot period: cl. 9 of the order puts it in force from the day the last head of a state body signed it, for
 *   12 months; both signatures are dated 17 Nov 2023, so 17 Nov 2023 – 16 Nov 2024 inclusive. A date outside
 *   throws RULES_OUTSIDE_PILOT.
 * - Whom to ask (Annex 1 cl. 9): "one of the recipients (mother's number first, then father's) and (or) the legal
 *   representatives". Read as one ordered list — mother, father, legal representatives — and the first with a MAB
 *   phone gets the SMS; the "and (or)" does not say when to write to several people, so nobody gets a second SMS.
 * - The school year (Annex 2 cl. 13): the seed only refers to cl. 5 of the Rules approved by Government decree
 *   No. 64 of 25 Jan 2008 and gives no dates, so the validity is kept as a reference, not as invented dates.
 */
import { DomainValidationError } from '../errors';
import { cite, LEGAL_ACTS, type Citation } from './citation';
import { parseIsoDate, plusCalendarDays } from './dates';
import { deepFreeze } from './freeze';

/** Version of the meals rules (the date the order took effect). */
export type SchoolMealsRulesVersion = '2023-11-17';

/** Who may receive the consent SMS for a pupil, in the order they are tried. */
export type MealsRecipientRole = 'mother' | 'father' | 'legalRepresentative';

/** The pupil categories SDU segments (Annex 1 cl. 5). */
export type PupilCategoryCode = 'aspFamily' | 'lowIncomeWithoutAsp' | 'orphanOrWithoutParentalCare';

/** A coded list entry with its Kazakh and Russian names. */
export interface CodedName<C extends string = string> {
  readonly code: C;
  /** Kazakh name; verbatim from the seed when the seed is Kazakh. */
  readonly nameKz: string;
  /** Russian name; a translation when the seed has no Russian text (see `nameRuIsTranslation`). */
  readonly nameRu: string;
  /** True when the seed gives no Russian text and `nameRu` is kz-proactive's translation. */
  readonly nameRuIsTranslation: boolean;
}

/** The fields of the meals rules that carry their own citation. */
export type SchoolMealsRuleField =
  | 'pilot'
  | 'reminderAfterDays'
  | 'endAfterReminderDays'
  | 'consentCode'
  | 'refusalCode'
  | 'callCentre'
  | 'smsRecipientPriority'
  | 'pupilCategories'
  | 'vouchersPerPupil'
  | 'voucherValidity'
  | 'statusesToNobd'
  | 'walletReportsToNobd';

/** The school-meals rules in force on a day. */
export interface SchoolMealsRules {
  readonly asOf: string;
  readonly version: SchoolMealsRulesVersion;
  readonly pilot: {
    readonly scope: 'nationwide';
    readonly from: string;
    /** Last day, inclusive. */
    readonly until: string;
    readonly durationMonths: number;
  };
  /** Calendar days without a reply before the one repeat SMS. */
  readonly reminderAfterDays: number;
  /** Calendar days after the repeat SMS without a reply before the process ends. */
  readonly endAfterReminderDays: number;
  readonly consentCode: string;
  readonly refusalCode: string;
  readonly callCentre: string;
  readonly smsRecipientPriority: readonly MealsRecipientRole[];
  readonly pupilCategories: readonly CodedName<PupilCategoryCode>[];
  readonly vouchersPerPupil: number;
  readonly voucherValidity: { readonly period: 'schoolYear'; readonly definedBy: string };
  /** The portal reports service statuses to SDU, SDU to NOBD. */
  readonly statusesToNobd: 'viaSdu';
  /** How often the Wallet reports activations and meals to NOBD. */
  readonly walletReportsToNobd: 'daily';
  readonly source: Readonly<Record<SchoolMealsRuleField, Citation>>;
}

/** The pupil categories of Annex 1 cl. 5 (Kazakh verbatim from seed 002; Russian translated). */
export const PUPIL_CATEGORIES: readonly CodedName<PupilCategoryCode>[] = [
  {
    code: 'aspFamily',
    nameKz: 'мемлекеттік атаулы әлеуметтік көмек алуға құқығы бар отбасылардан шыққан балалар',
    nameRu: 'дети из семей, имеющих право на получение адресной социальной помощи',
    nameRuIsTranslation: true,
  },
  {
    code: 'lowIncomeWithoutAsp',
    nameKz:
      'мемлекеттік атаулы әлеуметтік көмек алмайтын, жан басына шаққандағы табысы ең төменгі күнкөріс деңгейінің ' +
      'шамасынан төмен отбасылардан шыққан балалар',
    nameRu:
      'дети из семей, не получающих адресную социальную помощь, в которых среднедушевой доход ниже величины ' +
      'прожиточного минимума',
    nameRuIsTranslation: true,
  },
  {
    code: 'orphanOrWithoutParentalCare',
    nameKz: 'жетім балаларға, ата-анасының қамқорлығынсыз қалып, отбасыларда тұратын балалар',
    nameRu: 'дети-сироты и дети, оставшиеся без попечения родителей, проживающие в семьях',
    nameRuIsTranslation: true,
  },
];

const ORDER = LEGAL_ACTS.mealsOrder2023;

/** The meals rules as the order states them. */
export const SCHOOL_MEALS_RULES: Omit<SchoolMealsRules, 'asOf'> = deepFreeze({
  version: '2023-11-17',
  pilot: { scope: 'nationwide', from: ORDER.effectiveFrom, until: ORDER.effectiveUntil, durationMonths: 12 },
  reminderAfterDays: 3,
  endAfterReminderDays: 3,
  consentCode: '3#1',
  refusalCode: '3#2',
  callCentre: '1414',
  smsRecipientPriority: ['mother', 'father', 'legalRepresentative'],
  pupilCategories: PUPIL_CATEGORIES,
  vouchersPerPupil: 1,
  voucherValidity: {
    period: 'schoolYear',
    definedBy:
      'Cl. 5 of the Rules approved by Government decree No. 64 of 25 Jan 2008 (the seed gives no dates of the ' +
      'school year)',
  },
  statusesToNobd: 'viaSdu',
  walletReportsToNobd: 'daily',
  source: {
    pilot: cite('mealsOrder2023', 'order cl. 1, 9', 'және 12 (он екі) ай ішінде қолданыста болады'),
    reminderAfterDays: cite(
      'mealsOrder2023',
      'Annex 1, cl. 10',
      'жауап болмаған жағдайда, 3 күнтізбелік күн өткеннен кейін көрсетілетін қызметті алушыға қайтадан',
    ),
    endAfterReminderDays: cite(
      'mealsOrder2023',
      'Annex 1, cl. 10',
      '3 күнтізбелік күн өткеннен кейін қайта SMS-хабарламаға жауап болмаған не көрсетілетін қызметті алушы ' +
        'қызметтен бас тартқан кезде көрсетілетін қызметті көрсету процесі аяқталады',
    ),
    consentCode: cite('mealsOrder2023', 'Annex 1, Appendix 1, item 1', 'мәтінмен SMS жіберіңіз: 3#1.'),
    refusalCode: cite(
      'mealsOrder2023',
      'Annex 1, Appendix 1, item 1',
      'Егер Сіз келіспесеңіз, 3#2 енгізіңіз',
    ),
    callCentre: cite('mealsOrder2023', 'Annex 1, Appendix 1, item 1', '1414 нөмірі бойынша Call-орталыққа'),
    smsRecipientPriority: cite(
      'mealsOrder2023',
      'Annex 1, cl. 9',
      'басымдықта анасының абоненттік нөмірі, содан кейін әкесінің абоненттік нөмірі) және (немесе) көрсетілетін ' +
        'қызметті алушының заңды өкілдерінің',
    ),
    pupilCategories: cite('mealsOrder2023', 'Annex 1, cl. 5', 'мынадай оқушылар санаты бар'),
    vouchersPerPupil: cite('mealsOrder2023', 'Annex 2, cl. 9', 'Цифрлық ваучерлер әр оқушыға жеке бөлінеді.'),
    voucherValidity: cite(
      'mealsOrder2023',
      'Annex 2, cl. 13',
      'қағидаларының 5-тармағына сәйкес оқу жылына қолданылу мерзімі болады',
    ),
    statusesToNobd: cite('mealsOrder2023', 'Annex 1, cl. 12', 'мәртебелерді SDU-ға, ал SDU ҰБДҚ-ға береді'),
    walletReportsToNobd: cite(
      'mealsOrder2023',
      'Annex 2, cl. 14',
      'Әмияннан ҰБДҚ-ға күн сайын цифрлық ваучерлерді жандандыру және қызмет көрсету туралы есептілік ұсынылады.',
    ),
  },
});

/**
 * The school-meals rules in force on a day ('YYYY-MM-DD').
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date, RULES_OUTSIDE_PILOT outside
 * 17 Nov 2023 – 16 Nov 2024.
 */
export function schoolMealsRules(asOf: string): SchoolMealsRules {
  parseIsoDate(asOf, 'asOf');
  const { from, until } = SCHOOL_MEALS_RULES.pilot;
  if (asOf < from || asOf > until) {
    throw new DomainValidationError(
      'RULES_OUTSIDE_PILOT',
      `the school-meals pilot (seed 002, order cl. 9) ran ${from} – ${until}; ${asOf} is outside it`,
      'Pass a date within the pilot period.',
    );
  }
  return { asOf, ...SCHOOL_MEALS_RULES };
}

/**
 * Day the one repeat SMS is due when the first went out on `firstSmsSentOn` and nobody replied (3 calendar days,
 * Annex 1 cl. 10).
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date.
 */
export function mealsReminderDueOn(firstSmsSentOn: string): string {
  return plusCalendarDays(firstSmsSentOn, SCHOOL_MEALS_RULES.reminderAfterDays);
}

/**
 * Day the process ends for want of a reply when the repeat SMS went out on `reminderSentOn` (3 calendar days,
 * Annex 1 cl. 10).
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date.
 */
export function mealsProcessEndsOn(reminderSentOn: string): string {
  return plusCalendarDays(reminderSentOn, SCHOOL_MEALS_RULES.endAfterReminderDays);
}

/** A parent or legal representative who might receive the meals consent SMS. */
export interface MealsRecipientCandidate {
  readonly role: MealsRecipientRole;
  /** Whether MAB has a phone number for this person. */
  readonly hasMabPhone: boolean;
}

/**
 * The one person to send the meals consent SMS to: the first with a MAB phone in the order mother, father, legal
 * representatives (Annex 1 cl. 9); `undefined` when nobody has a phone (the process ends, cl. 8).
 */
export function pickMealsSmsRecipient<T extends MealsRecipientCandidate>(
  candidates: readonly T[],
): T | undefined {
  for (const role of SCHOOL_MEALS_RULES.smsRecipientPriority) {
    const found = candidates.find((c) => c.role === role && c.hasMabPhone);
    if (found) return found;
  }
  return undefined;
}
