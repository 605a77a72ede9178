/**
 * Proactive compensation of home-schooling costs of children with disabilities (seed 003): deadlines in working
 * days, the five SMS forms and their reply codes, and why a person leaves the list, as data.
 *
 * Decisions the seed leaves open (each is tested):
 * - In force: cl. 6 says ten calendar days after the first official publication, until 31 Dec 2024. The seed has
 *   no publication date, so 27 Feb 2024 (the earliest possible day) starts the period; 31 Dec 2024 is included.
 *   A date outside throws RULES_OUTSIDE_PILOT.
 * - Exclusion "registered in Kazakhstan": the Kazakh text of cl. 7 literally says a record that the person *is*
 *   registered ("тіркелгені туралы жазба"), which contradicts the same clause asking GBD FL for the permanent
 *   registration; it is read as *no* registration.
 * - Expired identity document: cl. 7 asks GBD FL for the representative's identity document "(checking that it is
 *   current)" but does not list an expired document among the exclusions; kept as an exclusion with
 *   `basis: 'inferred'` so that a flow can tell it apart from the reasons the clause names.
 * - Working days are counted by src/domain/calendar.ts (holidays); the rules only state how many.
 */
import { DomainValidationError } from '../errors';
import { cite, LEGAL_ACTS, type Citation } from './citation';
import { parseIsoDate } from './dates';
import { deepFreeze } from './freeze';

/** Version of the home-schooling rules (the earliest day the order can have taken effect). */
export type HomeSchoolingRulesVersion = '2024-02-27';

/** The five SMS forms of the appendices. */
export type HomeSchoolingForm = 1 | 2 | 3 | 4 | 5;

/** What a reply to form 1 or 2 can mean. */
export type HomeSchoolingReplyKind = 'agree' | 'chooseAnotherBank' | 'chooseBank';

/** Why a child or a representative leaves the list. */
export type HomeSchoolingExclusionCode =
  | 'deceased'
  | 'missing'
  | 'incapable'
  | 'noCitizenship'
  | 'noRegistration'
  | 'identityDocumentExpired'
  | 'applicationExists'
  | 'disabilityNotConfirmed';

/** An exclusion reason with its names, clause, and whether the seed states it or kz-proactive infers it. */
export interface HomeSchoolingExclusionReason {
  readonly code: HomeSchoolingExclusionCode;
  readonly nameKz: string;
  readonly nameRu: string;
  /** Seed 003 is Kazakh only, so every Russian name is kz-proactive's translation. */
  readonly nameRuIsTranslation: true;
  /** 'explicit': the clause names it; 'inferred': it follows from a check the clause requires. */
  readonly basis: 'explicit' | 'inferred';
  readonly source: Citation;
}

/** One SMS form: when it is sent and which replies it asks for. */
export interface HomeSchoolingFormRule {
  readonly form: HomeSchoolingForm;
  readonly sentWhen: string;
  /** Reply kinds the form offers; empty when no reply is expected. */
  readonly replies: readonly HomeSchoolingReplyKind[];
  /** Template id of the text in src/domain/sms. */
  readonly templateId: string;
  readonly source: Citation;
}

/** The fields of the home-schooling rules that carry their own citation. */
export type HomeSchoolingRuleField =
  | 'inForce'
  | 'nobdFeed'
  | 'bankAccountWatchWorkingDays'
  | 'replyWindowWorkingDays'
  | 'replyCodes'
  | 'callCentre'
  | 'paymentsStop';

/** The home-schooling rules in force on a day. */
export interface HomeSchoolingRules {
  readonly asOf: string;
  readonly version: HomeSchoolingRulesVersion;
  readonly inForce: { readonly from: string; readonly until: string };
  /** How often NOBD sends E-Sobes the children accepted for home schooling. */
  readonly nobdFeed: 'daily';
  /** Working days E-Sobes watches the banks for a new account after form 3. */
  readonly bankAccountWatchWorkingDays: number;
  /** Working days to reply to form 1 or 2 before the process ends with form 4. */
  readonly replyWindowWorkingDays: number;
  /** Reply codes; `{serviceCode}` is the service code the SMS names, `{n}` the bank's number in form 2. */
  readonly replyCodes: Readonly<Record<HomeSchoolingReplyKind, string>>;
  readonly callCentre: string;
  readonly forms: readonly HomeSchoolingFormRule[];
  readonly exclusionReasons: readonly HomeSchoolingExclusionReason[];
  /** Payments stop when NOBD reports the child is no longer home-schooled. */
  readonly paymentsStop: 'whenNobdReportsEndOfHomeSchooling';
  readonly source: Readonly<Record<HomeSchoolingRuleField, Citation>>;
}

const EXCLUSION_QUOTE =
  'Қайтыс болғаны, хабар-ошарсыз кеткені, әрекетке қабілетсіздігі және азаматтығы жоқ екені, Қазақстан ' +
  'Республикасының аумағында тіркелгені туралы жазба болған жағдайда, аталған адам тізімнен шығарылады.';

/** Why a person leaves the home-schooling list (cl. 6 and 7). */
export const HOME_SCHOOLING_EXCLUSION_REASONS: readonly HomeSchoolingExclusionReason[] = [
  {
    code: 'deceased',
    nameKz: 'Қайтыс болған',
    nameRu: 'Умер',
    nameRuIsTranslation: true,
    basis: 'explicit',
    source: cite('homeSchoolingOrder2024', '7', EXCLUSION_QUOTE),
  },
  {
    code: 'missing',
    nameKz: 'Хабар-ошарсыз кеткен',
    nameRu: 'Безвестно отсутствует',
    nameRuIsTranslation: true,
    basis: 'explicit',
    source: cite('homeSchoolingOrder2024', '7', EXCLUSION_QUOTE),
  },
  {
    code: 'incapable',
    nameKz: 'Әрекетке қабілетсіз',
    nameRu: 'Недееспособен',
    nameRuIsTranslation: true,
    basis: 'explicit',
    source: cite('homeSchoolingOrder2024', '7', EXCLUSION_QUOTE),
  },
  {
    code: 'noCitizenship',
    nameKz: 'Азаматтығы жоқ',
    nameRu: 'Нет гражданства',
    nameRuIsTranslation: true,
    basis: 'explicit',
    source: cite('homeSchoolingOrder2024', '7', EXCLUSION_QUOTE),
  },
  {
    code: 'noRegistration',
    nameKz: 'Қазақстан Республикасының аумағында тұрақты тіркелуі жоқ',
    nameRu: 'Нет постоянной регистрации на территории Республики Казахстан',
    nameRuIsTranslation: true,
    basis: 'explicit',
    source: cite('homeSchoolingOrder2024', '7', EXCLUSION_QUOTE),
  },
  {
    code: 'identityDocumentExpired',
    nameKz: 'Жеке басын куәландыратын құжаттың қолданылу мерзімі өткен',
    nameRu: 'Истёк срок действия документа, удостоверяющего личность',
    nameRuIsTranslation: true,
    basis: 'inferred',
    source: cite(
      'homeSchoolingOrder2024',
      '7',
      'баланың заңды өкілінің жеке басын куәландыратын құжат (өзектілігін тексеру)',
    ),
  },
  {
    code: 'applicationExists',
    nameKz: 'Мемлекеттік көрсетілетін қызметті тағайындауға өтініш бар',
    nameRu: 'Уже есть заявление на назначение государственной услуги',
    nameRuIsTranslation: true,
    basis: 'explicit',
    source: cite(
      'homeSchoolingOrder2024',
      '6',
      'Мемлекеттік көрсетілетін қызметті тағайындауға өтініш болған жағдайда аталған адам тізімнен шығарылады.',
    ),
  },
  {
    code: 'disabilityNotConfirmed',
    nameKz: 'Мүгедектігі расталмаған',
    nameRu: 'Инвалидность не подтверждена',
    nameRuIsTranslation: true,
    basis: 'inferred',
    source: cite('homeSchoolingOrder2024', '5, 6', 'Мүгедектігі бар екені расталған жағдайда'),
  },
];

const ORDER = LEGAL_ACTS.homeSchoolingOrder2024;

/** The home-schooling rules as the order states them. */
export const HOME_SCHOOLING_RULES: Omit<HomeSchoolingRules, 'asOf'> = deepFreeze({
  version: '2024-02-27',
  inForce: { from: ORDER.effectiveFrom, until: ORDER.effectiveUntil },
  nobdFeed: 'daily',
  bankAccountWatchWorkingDays: 3,
  replyWindowWorkingDays: 3,
  replyCodes: {
    agree: '{serviceCode}#3#1',
    chooseAnotherBank: '{serviceCode}#3#0',
    chooseBank: '{serviceCode}#3#1{n}',
  },
  callCentre: '1414',
  forms: [
    {
      form: 1,
      sentWhen: 'The representative has a special account in one bank, or opened one after form 3.',
      replies: ['agree', 'chooseAnotherBank'],
      templateId: 'hs.form1.kk',
      source: cite(
        'homeSchoolingOrder2024',
        '9(1), 10, Appendix 1',
        'бір ЕДБ-де банктік шот болған жағдайда',
      ),
    },
    {
      form: 2,
      sentWhen: 'The representative has special accounts in several banks; the SMS lists them numbered.',
      replies: ['chooseBank', 'chooseAnotherBank'],
      templateId: 'hs.form2.kk',
      source: cite(
        'homeSchoolingOrder2024',
        '9(2), Appendix 2',
        'бірнеше ЕДБ-де банктік шот болған жағдайда',
      ),
    },
    {
      form: 3,
      sentWhen: 'The representative has no special account: open one in a listed bank.',
      replies: [],
      templateId: 'hs.form3.kk',
      source: cite('homeSchoolingOrder2024', '9(3), Appendix 3', 'банктік шот болмаған жағдайда'),
    },
    {
      form: 4,
      sentWhen: 'No reply within 3 working days: the proactive process ends.',
      replies: [],
      templateId: 'hs.form4.kk',
      source: cite('homeSchoolingOrder2024', '11, Appendix 4', 'осы Алгоритмге 4-қосымшаға сәйкес'),
    },
    {
      form: 5,
      sentWhen: 'The benefit has been assigned.',
      replies: [],
      templateId: 'hs.form5.kk',
      source: cite(
        'homeSchoolingOrder2024',
        '13, Appendix 5',
        'осы Алгоритмге 5-қосымшаға сәйкес нысан бойынша',
      ),
    },
  ],
  exclusionReasons: HOME_SCHOOLING_EXCLUSION_REASONS,
  paymentsStop: 'whenNobdReportsEndOfHomeSchooling',
  source: {
    inForce: cite(
      'homeSchoolingOrder2024',
      '6',
      'алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі және 2024 жылғы ' +
        '31 желтоқсанға дейін қолданылады',
    ),
    nobdFeed: cite(
      'homeSchoolingOrder2024',
      '4',
      'күн сайын Е-Собес ААЖ-ға үйде жеке тегін оқытуға қабылданған',
    ),
    bankAccountWatchWorkingDays: cite(
      'homeSchoolingOrder2024',
      '10',
      'SMS-хабарлар жіберілген сәттен бастап 3 жұмыс күні ішінде шоттарды өзектендіру бойынша',
    ),
    replyWindowWorkingDays: cite(
      'homeSchoolingOrder2024',
      '11',
      'Көрсетілетін қызметті алушыдан үш жұмыс күні ішінде жауап болмаған жағдайда',
    ),
    replyCodes: cite('homeSchoolingOrder2024', 'Appendices 1–2', '{қызмет коды} #3#1{Банктің реттік нөмірі}'),
    callCentre: cite('homeSchoolingOrder2024', 'Appendices 1–3', '1414 нөмірі арқылы Call-орталыққа'),
    paymentsStop: cite(
      'homeSchoolingOrder2024',
      '14',
      'баланы үйде оқыту фактісін жоққа шығаратын мәліметтер келіп түскен кезде төлем тоқтатылады',
    ),
  },
});

/**
 * The home-schooling rules in force on a day ('YYYY-MM-DD').
 * @throws DomainValidationError RULES_INVALID_DATE on a malformed date, RULES_OUTSIDE_PILOT outside
 * 27 Feb – 31 Dec 2024.
 */
export function homeSchoolingRules(asOf: string): HomeSchoolingRules {
  parseIsoDate(asOf, 'asOf');
  const { from, until } = HOME_SCHOOLING_RULES.inForce;
  if (asOf < from || asOf > until) {
    throw new DomainValidationError(
      'RULES_OUTSIDE_PILOT',
      `the home-schooling pilot order (seed 003, cl. 6) was in force ${from} – ${until}; ${asOf} is outside it`,
      'Pass a date within the pilot period.',
    );
  }
  return { asOf, ...HOME_SCHOOLING_RULES };
}

/**
 * The form to offer after the bank search: 1 for one bank, 2 for several, 3 for none (cl. 9).
 * @throws DomainValidationError RULES_INVALID_COUNT when `banksWithAccount` is not a whole number ≥ 0.
 */
export function homeSchoolingOfferForm(banksWithAccount: number): 1 | 2 | 3 {
  if (!Number.isInteger(banksWithAccount) || banksWithAccount < 0) {
    throw new DomainValidationError(
      'RULES_INVALID_COUNT',
      'banksWithAccount must be a whole number of banks, 0 or more',
      'Count the banks that reported a special account for the representative.',
    );
  }
  if (banksWithAccount === 0) return 3;
  return banksWithAccount === 1 ? 1 : 2;
}
