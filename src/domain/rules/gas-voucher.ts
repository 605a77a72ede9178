/**
 * Gas vouchers for ASP and housing-assistance recipients (seed 000, amended by seed 001): the monthly campaign
 * calendar, the SMS codes and the pilot period, as data per version of the act.
 *
 * Decisions the seeds leave open (each is tested):
 * - Which version governs a month: the one in force on that month's first-SMS day (the 7th, seed 000 cl. 16).
 *   The consent SMS of the 7th already tells people the codes and the reply deadline, so the whole month must keep
 *   the rules that SMS announced. August 2025 therefore has no version: on 7 Aug 2025 the Dec 2024 order had
 *   expired (30 Apr 2025, cl. 3 and 8) and the amendment was not yet in force (25 Aug 2025); September 2025 is the
 *   first month under the amendment.
 * - A month outside every version's period throws DomainValidationError RULES_OUTSIDE_PILOT (rather than
 *   returning rules with a flag): running a campaign without a legal basis is a bug the caller must see.
 * - The amendment's end date: seed 001 does not mention the pilot period at all, so it is open-ended here
 *   (`pilot.until: null`) and every month from September 2025 on gets the amended rules.
 * - A day the month lacks (the amendment's 29th and 30th in February): activation end, expiry and reply deadline
 *   become the month's last day, and the list of activated vouchers goes to billing the day after the activation
 *   window closes (1 March), because the list must contain every activation of the month (cl. 31).
 */
import { DomainValidationError } from '../errors';
import { cite, LEGAL_ACTS, type Citation, type LegalActId } from './citation';
import { deepFreeze } from './freeze';
import { formatIsoDate, monthLength, parseIsoDate, parseYearMonth, plusCalendarDays } from './dates';

/** A version of the gas-voucher rules, named by the date its act took effect. */
export type GasRulesVersion = '2024-12-05' | '2025-08-25';

/** A pilot region with its Kazakh and Russian names. */
export interface PilotRegion {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** Pilot period and regions of one version. */
export interface GasPilot {
  readonly regions: readonly PilotRegion[];
  /** First day of the pilot ('YYYY-MM-DD'). */
  readonly from: string;
  /** Last day of the pilot, inclusive; `null` when the act does not say. */
  readonly until: string | null;
  readonly note: string;
}

/** The fields of the monthly rules that carry their own citation. */
export type GasRuleField =
  | 'firstSmsOn'
  | 'listUpdatableUntil'
  | 'reminderAfterDays'
  | 'replyBy'
  | 'activationFrom'
  | 'activationTo'
  | 'expiresOn'
  | 'activatedListOn'
  | 'consentCode'
  | 'refusalCode'
  | 'callCentre'
  | 'pilot'
  | 'eligibility';

/** One version of the gas-voucher rules as the act states them (days of the month, codes, period). */
export interface GasVoucherVersion {
  readonly version: GasRulesVersion;
  readonly act: LegalActId;
  readonly pilot: GasPilot;
  /** Day of the month the first (consent) SMS goes out. */
  readonly firstSmsDay: number;
  /** Last day of the month (inclusive) on which SDU may add people to the list. */
  readonly listUpdatableUntilDay: number;
  /** Calendar days without a reply before the one repeat SMS. */
  readonly reminderAfterDays: number;
  /** Last day of the month a reply counts. */
  readonly replyByDay: number;
  readonly activationFromDay: number;
  /** Last day of activation, inclusive. */
  readonly activationToDay: number;
  /** Last day an unactivated voucher is valid. */
  readonly expiryDay: number;
  /** Day the Wallet sends billing the list of activated vouchers. */
  readonly activatedListDay: number;
  readonly consentCode: string;
  /** `null` when the version's SMS gives no refusal code. */
  readonly refusalCode: string | null;
  /** Number given in the SMS for questions. */
  readonly callCentre: string;
  /** Who is a potential recipient. */
  readonly eligibility: string;
  readonly source: Readonly<Record<GasRuleField, Citation>>;
}

/** The rules of one campaign month, as dates. */
export interface GasVoucherRules {
  /** 'YYYY-MM' */
  readonly month: string;
  readonly version: GasRulesVersion;
  readonly firstSmsOn: string;
  readonly listUpdatableUntil: string;
  readonly reminderAfterDays: number;
  readonly replyBy: string;
  readonly activationFrom: string;
  readonly activationTo: string;
  readonly expiresOn: string;
  /** In February under the amendment this is 1 March (see the module comment). */
  readonly activatedListOn: string;
  readonly consentCode: string;
  /** Absent when the version has none (the amendment gives only the consent code). */
  readonly refusalCode?: string;
  readonly callCentre: string;
  readonly pilot: GasPilot;
  readonly eligibility: string;
  /** True when a day of the act does not exist in this month and was moved (February under the amendment). */
  readonly monthEndAdjusted: boolean;
  readonly source: Readonly<Record<GasRuleField, Citation>>;
}

const REGIONS: readonly PilotRegion[] = [
  { code: 'shymkent', nameKz: 'Шымкент қаласы', nameRu: 'город Шымкент' },
  { code: 'west-kazakhstan', nameKz: 'Батыс Қазақстан облысы', nameRu: 'Западно-Казахстанская область' },
];

const ORDER_2024_SOURCE: Readonly<Record<GasRuleField, Citation>> = {
  firstSmsOn: cite('gasOrder2024', '16', 'ағымдағы айдың 7-сі күні'),
  listUpdatableUntil: cite('gasOrder2024', '17, 18', 'Ағымдағы айдың 7-нен бастап 14-ін қоса алғанда'),
  reminderAfterDays: cite('gasOrder2024', '19', '7 күнтізбелік күн өткеннен кейін'),
  replyBy: cite('gasOrder2024', '19', 'ағымдағы айдың 25-күніне дейін жауап болмаған кезде'),
  activationFrom: cite('gasOrder2024', '7', 'ай сайын ағымдағы айдың 7-нен бастап 25-ін қоса алған күні'),
  activationTo: cite(
    'gasOrder2024',
    '7',
    'Ваучерді ағымдағы айдың 25-інен кейін белсендіру мүмкін болмайды.',
  ),
  expiresOn: cite(
    'gasOrder2024',
    '9',
    'белсендірілмеген ваучерлердің ағымдағы айдың 25-күніне дейін қолданылу',
  ),
  activatedListOn: cite('gasOrder2024', '31', 'Әмиян, ағымдағы айдың 26-күні белсендірілген ваучерлердің'),
  consentCode: cite('gasOrder2024', 'Appendix, item 1', 'мынадай мәтінмен SMS жіберіңіз: 3#1.'),
  refusalCode: cite('gasOrder2024', 'Appendix, items 1–2', 'Егер Сіз келіспесеңіз 3#2 енгізіңіз'),
  callCentre: cite('gasOrder2024', 'Appendix, item 1', '1414 нөмірі бойынша Call-орталыққа хабарласа аласыз'),
  pilot: cite(
    'gasOrder2024',
    '1, 3, 4',
    'Пилоттық жоба 2024 жылғы 5 желтоқсаннан бастап 2025 жылғы 30 сәуірді қоса алған кезеңде Қазақстан ' +
      'Республикасының Шымкент қаласында және Батыс Қазақстан облысында',
  ),
  eligibility: cite(
    'gasOrder2024',
    '2(2)',
    'пилоттық жоба жүргізілетін өңірлерде тұратын мемлекеттік атаулы әлеуметтік көмек және (немесе) тұрғын үй ' +
      'көмегін алушы',
  ),
};

const ORDER_2024: GasVoucherVersion = {
  version: '2024-12-05',
  act: 'gasOrder2024',
  pilot: {
    regions: REGIONS,
    from: LEGAL_ACTS.gasOrder2024.effectiveFrom,
    until: LEGAL_ACTS.gasOrder2024.effectiveUntil,
    note: 'Shymkent and West Kazakhstan region, 5 Dec 2024 – 30 Apr 2025 inclusive, "up to 5 months" (cl. 4).',
  },
  firstSmsDay: 7,
  listUpdatableUntilDay: 14,
  reminderAfterDays: 7,
  replyByDay: 25,
  activationFromDay: 7,
  activationToDay: 25,
  expiryDay: 25,
  activatedListDay: 26,
  consentCode: '3#1',
  refusalCode: '3#2',
  callCentre: '1414',
  eligibility:
    'A recipient of targeted social assistance (ASP) and/or housing assistance living in a pilot region.',
  source: ORDER_2024_SOURCE,
};

const AMENDMENT_2025: GasVoucherVersion = {
  version: '2025-08-25',
  act: 'gasAmendment2025',
  pilot: {
    regions: REGIONS,
    from: LEGAL_ACTS.gasAmendment2025.effectiveFrom,
    until: LEGAL_ACTS.gasAmendment2025.effectiveUntil,
    note:
      'Regions unchanged ("the regions of the pilot project", seed 001 para. 3). Seed 001 says nothing of the ' +
      'pilot period: it starts here on the day the amendment took effect and its end is unknown (null).',
  },
  // Not touched by the amendment, so clauses 16–18 of the Dec 2024 order still apply.
  firstSmsDay: 7,
  listUpdatableUntilDay: 14,
  reminderAfterDays: 7,
  replyByDay: 29,
  activationFromDay: 7,
  activationToDay: 29,
  expiryDay: 29,
  activatedListDay: 30,
  consentCode: '21*1',
  // Seed 001 para. 10: "Согласие или отказ ... осуществляется следующей комбинацией: 21*1 означает «Согласен»" —
  // one combination, meaning consent; no refusal code survives. Not replying by the 29th is the refusal.
  refusalCode: null,
  callCentre: '5169',
  eligibility:
    'A recipient of ASP and/or housing assistance as of the last day of the month before the reporting month, ' +
    'living in a pilot region.',
  source: {
    ...ORDER_2024_SOURCE,
    reminderAfterDays: cite('gasAmendment2025', 'para. 6', 'по истечении 7 календарных дней'),
    replyBy: cite('gasAmendment2025', 'para. 6', 'до 29 числа текущего месяца или при отказе'),
    activationFrom: cite('gasAmendment2025', 'para. 4', 'ежемесячно с 7-го по 29-е число текущего месяца'),
    activationTo: cite(
      'gasAmendment2025',
      'para. 4',
      'Активация ваучера после 29-го числа текущего месяца недоступна.',
    ),
    expiresOn: cite('gasAmendment2025', 'para. 5', 'имеют срок действия до 29-го числа текущего месяца'),
    activatedListOn: cite('gasAmendment2025', 'para. 7', 'Кошелек 30 числа текущего месяца направляет'),
    consentCode: cite('gasAmendment2025', 'para. 10', '21*1 означает «Согласен»'),
    refusalCode: cite(
      'gasAmendment2025',
      'para. 10',
      'Согласие или отказ на обработку персональных данных для выпуска ваучеров осуществляется следующей ' +
        'комбинацией: 21*1 означает «Согласен»',
    ),
    callCentre: cite('gasAmendment2025', 'para. 10', 'можете обратиться по номеру 5169'),
    pilot: cite(
      'gasAmendment2025',
      'para. 3, 13',
      'Совместный приказ вводится в действие с 25 августа 2025 года.',
    ),
    eligibility: cite(
      'gasAmendment2025',
      'para. 3',
      'по состоянию на последнее число месяца, предшествующего отчетному, проживающий в регионах проведения ' +
        'пилотного проекта',
    ),
  },
};

/** Every version of the gas-voucher rules, oldest first. */
export const GAS_VOUCHER_VERSIONS: readonly GasVoucherVersion[] = deepFreeze([ORDER_2024, AMENDMENT_2025]);

/**
 * The data of one version of the gas-voucher rules.
 * @throws DomainValidationError RULES_UNKNOWN_VERSION for a version that does not exist.
 */
export function gasVoucherVersion(version: GasRulesVersion): GasVoucherVersion {
  const found = GAS_VOUCHER_VERSIONS.find((v) => v.version === version);
  if (!found) {
    throw new DomainValidationError(
      'RULES_UNKNOWN_VERSION',
      'unknown gas-voucher rules version',
      `Use one of ${GAS_VOUCHER_VERSIONS.map((v) => v.version).join(', ')}.`,
    );
  }
  return found;
}

/**
 * The version of the gas-voucher rules in force on a day, or `undefined` when none is (before 5 Dec 2024, and
 * 1 May – 24 Aug 2025).
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date.
 */
export function gasVoucherVersionOn(date: string): GasRulesVersion | undefined {
  parseIsoDate(date);
  // Newest first: from 25 Aug 2025 the amendment wins.
  for (let i = GAS_VOUCHER_VERSIONS.length - 1; i >= 0; i -= 1) {
    const v = GAS_VOUCHER_VERSIONS[i]!;
    if (date >= v.pilot.from && (v.pilot.until === null || date <= v.pilot.until)) return v.version;
  }
  return undefined;
}

/**
 * The gas-voucher campaign rules of a month ('YYYY-MM'): dates, codes, call centre and pilot, with citations.
 * @throws DomainValidationError RULES_INVALID_MONTH on a malformed month, RULES_OUTSIDE_PILOT when no version is in
 * force on the month's first-SMS day.
 */
export function gasVoucherRules(month: string): GasVoucherRules {
  const { year, month: mm } = parseYearMonth(month);
  // The first-SMS day is the 7th in every version (the amendment leaves cl. 16 alone), so it can pick the version.
  const firstSmsOn = formatIsoDate(year, mm, ORDER_2024.firstSmsDay);
  const version = gasVoucherVersionOn(firstSmsOn);
  if (version === undefined) {
    throw new DomainValidationError(
      'RULES_OUTSIDE_PILOT',
      `no gas-voucher rules govern ${month}: on its first-SMS day (${firstSmsOn}) neither the order of Dec 2024 ` +
        '(pilot 5 Dec 2024 – 30 Apr 2025) nor its amendment (in force from 25 Aug 2025) was in force',
      'Campaign months are Dec 2024 – Apr 2025 and from Sep 2025 on; August 2025 follows the version in force on ' +
        '7 Aug 2025, which is none.',
    );
  }
  const v = gasVoucherVersion(version);
  const last = monthLength(year, mm);
  const day = (d: number): string => formatIsoDate(year, mm, Math.min(d, last));
  const activationTo = day(v.activationToDay);
  const listDayFits = v.activatedListDay <= last && v.activatedListDay > Math.min(v.activationToDay, last);
  const rules: GasVoucherRules = {
    month,
    version: v.version,
    firstSmsOn: day(v.firstSmsDay),
    listUpdatableUntil: day(v.listUpdatableUntilDay),
    reminderAfterDays: v.reminderAfterDays,
    replyBy: day(v.replyByDay),
    activationFrom: day(v.activationFromDay),
    activationTo,
    expiresOn: day(v.expiryDay),
    activatedListOn: listDayFits ? day(v.activatedListDay) : plusCalendarDays(activationTo, 1),
    consentCode: v.consentCode,
    callCentre: v.callCentre,
    pilot: v.pilot,
    eligibility: v.eligibility,
    monthEndAdjusted: Math.max(v.activationToDay, v.expiryDay, v.replyByDay, v.activatedListDay) > last,
    source: v.source,
  };
  return v.refusalCode === null ? rules : { ...rules, refusalCode: v.refusalCode };
}

/**
 * Day the one repeat SMS is due for someone whose first SMS went out on `firstSmsSentOn` and who has not replied
 * (7 calendar days later, seed 000 cl. 19 / seed 001 para. 6). People added to the list up to the 14th get their
 * first SMS late, so their reminder is late too.
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date.
 */
export function gasReminderDueOn(firstSmsSentOn: string, version: GasRulesVersion): string {
  return plusCalendarDays(firstSmsSentOn, gasVoucherVersion(version).reminderAfterDays);
}
