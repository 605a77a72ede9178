/**
 * Social Services Portal rules (seed 004): the supplier-choice window, failure-handling deadlines and the
 * contact centre's hours, as data.
 *
 * Decisions the seed leaves open (each is tested):
 * - Two different starting points in cl. 10: the person chooses "within two months from the day they were
 *   notified", but the blocking SMS goes out "two months after the IPR data reached the portal". Both are kept,
 *   each with its own start.
 * - A term in months ends on the same-numbered day of the last month, or that month's last day when it has none
 *   (the usual civil-law rule); the blocking SMS is due the day after the term ends ("after two months").
 * - Seed 004 describes the SMS (sign in and choose a supplier; choice blocked) but gives no text, so there are no
 *   portal templates in src/domain/sms.
 * - Astana time: the order (2023) predates the switch of the whole country to UTC+5 on 1 Mar 2024, so the hours are
 *   kept as wall-clock times in the IANA zone Asia/Almaty (which carries both offsets), not as a fixed offset.
 * - In force: ten calendar days after the first official publication (cl. 5 of the order); the seed gives only the
 *   registration date (25 Aug 2023), so 5 Sep 2023, the earliest possible day, starts it. No end date.
 */
import { DomainValidationError } from '../errors';
import { cite, LEGAL_ACTS, type Citation } from './citation';
import { parseIsoDate, plusCalendarDays, plusMonthsClamped } from './dates';
import { deepFreeze } from './freeze';

/** Version of the portal rules (the earliest day the order can have taken effect). */
export type SocialPortalRulesVersion = '2023-09-05';

/** A length of time as the act states it. */
export interface Term {
  readonly amount: number;
  readonly unit: 'minutes' | 'hours' | 'workingDays' | 'months';
}

/** One step of failure handling: who does what, within how long, counted from what. */
export interface FailureHandlingStep {
  readonly step:
    | 'registerRequest'
    | 'analyseRequest'
    | 'escalateToAdministrator'
    | 'notifyFailureRejected'
    | 'notifyFailureConfirmed'
    | 'administratorStartsFix'
    | 'notifyFailureFixed';
  readonly by: 'contactCentre' | 'portalAdministrator';
  readonly within: Term;
  readonly countedFrom: string;
  readonly source: Citation;
}

/** The portal rules in force on a day. */
export interface SocialPortalRules {
  readonly asOf: string;
  readonly version: SocialPortalRulesVersion;
  readonly inForce: { readonly from: string; readonly until: null };
  readonly supplierChoice: {
    /** The person chooses within this term from the day they were notified of the IPR measures. */
    readonly window: Term;
    readonly windowCountedFrom: 'notification';
    /** After this term from the day the IPR data reached the portal, an SMS says the choice is blocked. */
    readonly blockingSmsAfter: Term;
    readonly blockingSmsCountedFrom: 'iprDataSentToPortal';
    /** The "activate supplier choice" button sends the request to E-Sobes, which re-sends the measure. */
    readonly reactivation: 'buttonInPersonalCabinetThenEsobesGeneralQueue';
    /** Without a MAB phone the local executive body notifies by other means (APPC art. 66(2)). */
    readonly withoutMabPhone: 'localExecutiveBodyNotifiesByOtherMeans';
    /** Source of the choice window. */
    readonly source: Citation;
    readonly blockingSmsSource: Citation;
  };
  readonly failureHandling: readonly FailureHandlingStep[];
  readonly contactCentre: {
    readonly days: 'workingDays';
    /** 'HH:MM' Astana wall-clock time. */
    readonly opens: string;
    readonly closes: string;
    readonly timeZone: 'Asia/Almaty';
    readonly channels: readonly ('voice' | 'messengers' | 'portalChatBot')[];
    /** A digital request received outside hours is registered on the next working day. */
    readonly outOfHoursDigitalRequests: 'registeredNextWorkingDay';
    readonly source: Citation;
  };
  /** Seed 004 gives no SMS texts. */
  readonly smsTemplates: readonly never[];
}

const ORDER = LEGAL_ACTS.socialPortalRules2023;

const step = (
  s: FailureHandlingStep['step'],
  by: FailureHandlingStep['by'],
  amount: number,
  unit: Term['unit'],
  countedFrom: string,
  clause: string,
  quote: string,
): FailureHandlingStep => ({
  step: s,
  by,
  within: { amount, unit },
  countedFrom,
  source: cite('socialPortalRules2023', clause, quote),
});

/** The portal rules as the order states them. */
export const SOCIAL_PORTAL_RULES: Omit<SocialPortalRules, 'asOf'> = deepFreeze({
  version: '2023-09-05',
  inForce: { from: ORDER.effectiveFrom, until: ORDER.effectiveUntil },
  supplierChoice: {
    window: { amount: 2, unit: 'months' },
    windowCountedFrom: 'notification',
    blockingSmsAfter: { amount: 2, unit: 'months' },
    blockingSmsCountedFrom: 'iprDataSentToPortal',
    reactivation: 'buttonInPersonalCabinetThenEsobesGeneralQueue',
    withoutMabPhone: 'localExecutiveBodyNotifiesByOtherMeans',
    source: cite(
      'socialPortalRules2023',
      'Rules cl. 10',
      'хабардар еткен күннен бастап екі ай ішінде жүзеге асырады',
    ),
    blockingSmsSource: cite(
      'socialPortalRules2023',
      'Rules cl. 10',
      'Жеке бағдарламаның деректері порталға берілген күннен бастап екі ай өткеннен кейін портал қатысушысының ' +
        'абоненттік нөміріне жеткізушіні таңдау мүмкіндігін бұғаттау туралы СМС-хабарлама жіберіледі.',
    ),
  },
  failureHandling: [
    step(
      'registerRequest',
      'contactCentre',
      3,
      'hours',
      'receipt of the request',
      'Rules cl. 15(1)',
      'Байланыс орталығы сұрау салу келіп түскен кезден бастап үш сағат ішінде оны өтініштерді тіркеу және басқару ' +
        'жүйесінде тіркейді',
    ),
    step(
      'analyseRequest',
      'contactCentre',
      1,
      'workingDays',
      'registration of the request',
      'Rules cl. 15(2)',
      'байланыс орталығы техникалық іркілісті анықтау туралы сұрау салу тіркелгеннен кейін бір жұмыс күні ішінде',
    ),
    step(
      'escalateToAdministrator',
      'contactCentre',
      3,
      'hours',
      'detection of the failure during analysis',
      'Rules cl. 15(3)',
      'байланыс орталығы үш сағат ішінде себептерді жою үшін портал әкімшісіне сұрау салуды эскалациялайды',
    ),
    step(
      'notifyFailureRejected',
      'contactCentre',
      30,
      'minutes',
      'confirmation that there was no failure',
      'Rules cl. 15(4)',
      'порталдың техникалық іркілісін теріске шығару фактілері расталғаннан кейін отыз минут ішінде',
    ),
    step(
      'notifyFailureConfirmed',
      'contactCentre',
      30,
      'minutes',
      'confirmation of the failure (the notice gives the planned fix date and time)',
      'Rules cl. 15(5)',
      'порталдың техникалық іркілісі туралы фактілердің бар екендігі расталғаннан кейін отыз минут ішінде',
    ),
    step(
      'administratorStartsFix',
      'portalAdministrator',
      1,
      'workingDays',
      "receipt of the contact centre's request",
      'Rules cl. 15, last para.',
      'сұрау салуды алғаннан кейін бір жұмыс күні ішінде техникалық іркіліс себептерін жоюға кіріседі',
    ),
    step(
      'notifyFailureFixed',
      'contactCentre',
      3,
      'hours',
      'the fix',
      'Rules cl. 15, last para.',
      'техникалық іркілісті жойғаннан кейін байланыс орталығы үш сағат ішінде',
    ),
  ],
  contactCentre: {
    days: 'workingDays',
    opens: '09:00',
    closes: '18:30',
    timeZone: 'Asia/Almaty',
    channels: ['voice', 'messengers', 'portalChatBot'],
    outOfHoursDigitalRequests: 'registeredNextWorkingDay',
    source: cite(
      'socialPortalRules2023',
      'Rules cl. 16',
      'жұмыс күндері – Астана қаласының уақыты бойынша сағат 9.00-ден 18.30-ға дейін үзіліссіз',
    ),
  },
  smsTemplates: [],
});

/**
 * The Social Services Portal rules in force on a day ('YYYY-MM-DD').
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date, RULES_OUTSIDE_PILOT before 5 Sep 2023.
 */
export function socialPortalRules(asOf: string): SocialPortalRules {
  parseIsoDate(asOf, 'asOf');
  if (asOf < SOCIAL_PORTAL_RULES.inForce.from) {
    throw new DomainValidationError(
      'RULES_OUTSIDE_PILOT',
      `the Social Services Portal rules (seed 004) are in force from ${SOCIAL_PORTAL_RULES.inForce.from} at the ` +
        `earliest; ${asOf} is before that`,
      'Pass a later date.',
    );
  }
  return { asOf, ...SOCIAL_PORTAL_RULES };
}

/**
 * Last day (inclusive) a person notified on `notifiedOn` may choose a supplier: two months later (Rules cl. 10).
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date.
 */
export function supplierChoiceLastDay(notifiedOn: string): string {
  return plusMonthsClamped(notifiedOn, SOCIAL_PORTAL_RULES.supplierChoice.window.amount);
}

/**
 * Day the "supplier choice blocked" SMS is due for IPR data sent to the portal on `iprSentToPortalOn`: the day after
 * two months have passed (Rules cl. 10).
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date.
 */
export function supplierChoiceBlockedSmsOn(iprSentToPortalOn: string): string {
  return plusCalendarDays(
    plusMonthsClamped(iprSentToPortalOn, SOCIAL_PORTAL_RULES.supplierChoice.blockingSmsAfter.amount),
    1,
  );
}
