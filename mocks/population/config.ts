import { DomainValidationError } from '../../src/domain/errors';
import { bankByCode } from '../../src/domain/banks';
import { REGIONS } from './reference';

/**
 * Every proportion of the synthetic population in one object. Shares are probabilities in [0, 1]; `weights`
 * objects are relative (they need not sum to 1). Callers override any part through `createPopulation({ config })`.
 */
export interface PopulationConfig {
  /** 'YYYY-MM-DD', 2024-01-01 or later: ages, document validity, school year and "current" statuses. */
  readonly referenceDate: string;
  /** Weights of regions by KATO prefix (keys of REGIONS). */
  readonly regions: Readonly<Record<string, number>>;
  /** Share of families with Kazakh names; the others have Russian names. */
  readonly kazakhNames: number;
  readonly family: {
    /** Weights of the number of children, index = number (0–5). */
    readonly children: readonly number[];
    /** Share of families with one parent. */
    readonly singleParent: number;
    /** Of single-parent families, the share where the parent is the mother. */
    readonly singleMother: number;
    /** Share of families with children where a guardian raises them instead of parents (meal category 3). */
    readonly guardian: number;
    /** Share of families with a grandparent living with them. */
    readonly grandparent: number;
  };
  readonly assistance: {
    /** Share of families with ASP assigned. */
    readonly asp: number;
    /** Share of families with housing assistance assigned. */
    readonly housing: number;
    /** Of families without ASP, the share with per-capita income below the subsistence minimum. */
    readonly lowIncomeWithoutAsp: number;
    /** Of assigned periods, the share that ended before the reference date. */
    readonly ended: number;
  };
  /** Share of adults with a phone in MAB. */
  readonly adultHasPhone: number;
  readonly gas: {
    /** Share of families with a gas personal account (pilot regions). */
    readonly accountInPilot: number;
    /** Share of families with a gas personal account (other regions). */
    readonly accountElsewhere: number;
    readonly hasMeter: number;
    readonly suspended: number;
    readonly closed: number;
  };
  readonly disability: {
    /** Share of children with a disability. */
    readonly child: number;
    /** Share of adults with a disability. */
    readonly adult: number;
    /** Of school-age children with a disability, the share home-schooled by an order. */
    readonly homeSchooled: number;
    /** Of home-schooling orders, the share that ended early (seed 003 cl. 14). */
    readonly homeSchoolingEnded: number;
  };
  readonly lifeStatus: {
    /** Shares of adults (grandparents weigh double for deceased). */
    readonly dead: number;
    readonly missing: number;
    readonly incapable: number;
  };
  /** Shares of adults without citizenship, without registration in Kazakhstan, with an expired identity document. */
  readonly noCitizenship: number;
  readonly noRegistration: number;
  readonly expiredDocument: number;
  /** Weights of adults' special benefit accounts: none, in one bank, in several. */
  readonly benefitAccounts: { readonly none: number; readonly one: number; readonly several: number };
  /** Of accounts, the share blocked. */
  readonly blockedAccount: number;
  /** Weights of bank codes for accounts (keys of BANKS). */
  readonly banks: Readonly<Record<string, number>>;
  readonly behaviour: {
    /** Weights of reply kinds to a consent SMS. */
    readonly reply: {
      readonly consent: number;
      readonly refuse: number;
      readonly ignore: number;
      readonly reminderOnly: number;
      readonly malformed: number;
    };
    /** Weights of reply delays: within an hour, within a day, within a week (then uniform inside the band). */
    readonly replyDelay: { readonly hour: number; readonly day: number; readonly week: number };
    /** Of malformed replies, the share followed by the right code. */
    readonly malformedThenConsents: number;
    /** Home schooling form 1: share answering "choose another bank". */
    readonly choosesAnotherBank: number;
    /** Home schooling form 3: share who open an account. */
    readonly opensAccount: number;
    /** Weights of the working days until the account is opened, index 0 = 1 working day. */
    readonly opensAccountAfterWorkingDays: readonly number[];
    /** Gas: share of recipients who activate the voucher. */
    readonly activatesVoucher: number;
    /** Gas: of activations, the share attempted after the activation window (the Wallet refuses them). */
    readonly activatesLate: number;
    /** Gas: share typing a mistyped personal account first (seed 000 cl. 28). */
    readonly mistypesAccount: number;
    /** Gas: share activating at the provider's office (no eGov Mobile, seed 000 cl. 23). */
    readonly providerOffice: number;
    /** Meals: share of parents who generate dynamic QRs. */
    readonly generatesMealQr: number;
  };
  /** Schools per region. */
  readonly schoolsPerRegion: number;
}

/** The default proportions (documented in README.md of this folder). */
export const DEFAULT_POPULATION_CONFIG: PopulationConfig = deepFreeze({
  referenceDate: '2025-09-01',
  regions: { '79': 30, '27': 20, '71': 12, '75': 12, '61': 8, '55': 6, '35': 6, '15': 6 },
  kazakhNames: 0.75,
  family: {
    children: [15, 25, 30, 18, 8, 4],
    singleParent: 0.2,
    singleMother: 0.85,
    guardian: 0.03,
    grandparent: 0.1,
  },
  assistance: { asp: 0.3, housing: 0.15, lowIncomeWithoutAsp: 0.15, ended: 0.2 },
  adultHasPhone: 0.9,
  gas: { accountInPilot: 0.85, accountElsewhere: 0.5, hasMeter: 0.95, suspended: 0.03, closed: 0.02 },
  disability: { child: 0.04, adult: 0.05, homeSchooled: 0.5, homeSchoolingEnded: 0.15 },
  lifeStatus: { dead: 0.01, missing: 0.003, incapable: 0.005 },
  noCitizenship: 0.005,
  noRegistration: 0.005,
  expiredDocument: 0.05,
  benefitAccounts: { none: 30, one: 50, several: 20 },
  blockedAccount: 0.03,
  banks: { '601': 35, '722': 30, '998': 8, '965': 6, '856': 6, '914': 5, '886': 4, '563': 6 },
  behaviour: {
    reply: { consent: 60, refuse: 8, ignore: 12, reminderOnly: 12, malformed: 8 },
    replyDelay: { hour: 45, day: 40, week: 15 },
    malformedThenConsents: 0.5,
    choosesAnotherBank: 0.05,
    opensAccount: 0.6,
    opensAccountAfterWorkingDays: [30, 30, 20, 10, 10],
    activatesVoucher: 0.85,
    activatesLate: 0.05,
    mistypesAccount: 0.1,
    providerOffice: 0.1,
    generatesMealQr: 0.7,
  },
  schoolsPerRegion: 60,
});

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly number[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** Overrides of {@link PopulationConfig}: any subset, nested. Arrays and `regions`/`banks` replace the default whole. */
export type PopulationConfigOverrides = DeepPartial<PopulationConfig>;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function bad(message: string): never {
  throw new DomainValidationError(
    'POPULATION_CONFIG',
    message,
    'See DEFAULT_POPULATION_CONFIG for the shape.',
  );
}

const REPLACED_WHOLE = new Set(['regions', 'banks']);

function merge(base: unknown, over: unknown, path: string): unknown {
  if (over === undefined) return base;
  if (Array.isArray(base)) {
    if (!Array.isArray(over)) bad(`config.${path} must be an array`);
    return [...over];
  }
  if (base !== null && typeof base === 'object') {
    if (over === null || typeof over !== 'object' || Array.isArray(over))
      bad(`config.${path} must be an object`);
    if (REPLACED_WHOLE.has(path)) return { ...(over as object) };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(over as object)) {
      if (!Object.prototype.hasOwnProperty.call(base, key))
        bad(`config.${path ? `${path}.` : ''}${key} is not a setting`);
    }
    for (const [key, value] of Object.entries(base as object)) {
      out[key] = merge(value, (over as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    }
    return out;
  }
  if (typeof over !== typeof base) bad(`config.${path} must be a ${typeof base}`);
  return over;
}

function checkShare(value: unknown, path: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    bad(`config.${path} must be a share in [0, 1]`);
}

function checkWeights(values: readonly unknown[], path: string): void {
  let total = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      bad(`config.${path} weights must be finite numbers ≥ 0`);
    total += v;
  }
  if (!(total > 0)) bad(`config.${path} needs at least one positive weight`);
}

const SHARE_KEYS = new Set([
  'kazakhNames',
  'singleParent',
  'singleMother',
  'guardian',
  'grandparent',
  'asp',
  'housing',
  'lowIncomeWithoutAsp',
  'ended',
  'adultHasPhone',
  'accountInPilot',
  'accountElsewhere',
  'hasMeter',
  'suspended',
  'closed',
  'child',
  'adult',
  'homeSchooled',
  'homeSchoolingEnded',
  'dead',
  'missing',
  'incapable',
  'noCitizenship',
  'noRegistration',
  'expiredDocument',
  'blockedAccount',
  'malformedThenConsents',
  'choosesAnotherBank',
  'opensAccount',
  'activatesVoucher',
  'activatesLate',
  'mistypesAccount',
  'providerOffice',
  'generatesMealQr',
]);

function checkShares(o: object, path: string): void {
  for (const [key, value] of Object.entries(o)) {
    const p = path ? `${path}.${key}` : key;
    if (SHARE_KEYS.has(key)) checkShare(value, p);
    else if (value && typeof value === 'object' && !Array.isArray(value)) checkShares(value as object, p);
  }
}

/**
 * The default config with `overrides` applied and checked.
 * @throws {DomainValidationError} POPULATION_CONFIG on an unknown key, a wrong type, a share outside [0, 1],
 * bad weights, an unknown region or bank, or a reference date before 2024-01-01.
 */
export function resolveConfig(overrides: PopulationConfigOverrides = {}): PopulationConfig {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))
    bad('config must be an object');
  const c = merge(DEFAULT_POPULATION_CONFIG, overrides, '') as PopulationConfig;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(c.referenceDate) ||
    c.referenceDate < '2024-01-01' ||
    c.referenceDate > '2099-12-31'
  ) {
    bad('config.referenceDate must be a date YYYY-MM-DD from 2024-01-01 on');
  }
  checkShares(c, '');
  for (const code of Object.keys(c.regions)) {
    if (!REGIONS.some((r) => r.code === code)) bad(`config.regions: unknown region ${code}`);
  }
  checkWeights(Object.values(c.regions), 'regions');
  for (const code of Object.keys(c.banks))
    if (!bankByCode(code)) bad(`config.banks: unknown bank code ${code}`);
  checkWeights(Object.values(c.banks), 'banks');
  if (c.family.children.length === 0 || c.family.children.length > 6)
    bad('config.family.children: 1–6 weights');
  checkWeights(c.family.children, 'family.children');
  checkWeights(Object.values(c.benefitAccounts), 'benefitAccounts');
  checkWeights(Object.values(c.behaviour.reply), 'behaviour.reply');
  checkWeights(Object.values(c.behaviour.replyDelay), 'behaviour.replyDelay');
  if (
    c.behaviour.opensAccountAfterWorkingDays.length === 0 ||
    c.behaviour.opensAccountAfterWorkingDays.length > 10
  ) {
    bad('config.behaviour.opensAccountAfterWorkingDays: 1–10 weights');
  }
  checkWeights(c.behaviour.opensAccountAfterWorkingDays, 'behaviour.opensAccountAfterWorkingDays');
  if (!Number.isInteger(c.schoolsPerRegion) || c.schoolsPerRegion < 1 || c.schoolsPerRegion > 1999) {
    bad('config.schoolsPerRegion must be an integer 1–1999');
  }
  return deepFreeze(c);
}
