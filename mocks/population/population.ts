import { DomainValidationError } from '../../src/domain/errors';
import { resolveConfig, type PopulationConfig, type PopulationConfigOverrides } from './config';
import { dayOfIso, isoOfDay, lastDayOfPreviousMonth } from './dates';
import { createContext, drawBehaviour, generateFamily, type GeneratorContext } from './generate';
import { MAX_FAMILIES, SLOTS } from './identity';
import { fmix32, hashString, Rng } from './prng';
import {
  gasTariff,
  monthlyNormLitres,
  normApprovedBy,
  REGIONS,
  regionByCode,
  type School,
} from './reference';
import type {
  BenefitAccount,
  Behaviour,
  Family,
  GasAccount,
  GasAccountMonth,
  GasRecipient,
  GasTariff,
  HomeSchoolingOrder,
  MabPhoneRecord,
  MealCategory,
  Person,
} from './types';

/** Options of {@link createPopulation}. */
export interface PopulationOptions {
  /** Any string or finite number; the same seed and size give the same population. */
  readonly seed: string | number;
  /** Number of families, an integer from 0 to {@link MAX_FAMILIES}. */
  readonly families: number;
  /** Overrides of {@link DEFAULT_POPULATION_CONFIG}. */
  readonly config?: PopulationConfigOverrides;
  /** Families kept in the LRU cache of regenerated families (default 2048, 0 disables it). */
  readonly cacheSize?: number;
}

/** A pupil with the family and the school. */
export interface PupilEntry {
  readonly pupil: Person;
  readonly family: Family;
  readonly school: School;
}

/** Which pupils {@link Population.pupils} yields; all filters are optional and combine with AND. */
export interface PupilFilter {
  readonly schoolId?: string;
  readonly regionCode?: string;
  /** A category, or null for pupils in none. */
  readonly mealCategory?: MealCategory | null;
  /** Only pupils in a meal category (1–3). */
  readonly eligibleOnly?: boolean;
}

/** A home-schooling order with the child and the family. */
export interface HomeSchoolingEntry {
  readonly order: HomeSchoolingOrder;
  readonly child: Person;
  readonly family: Family;
}

/** Sizes of the compact indexes (built on the first query that needs them). */
export interface PopulationIndexStats {
  readonly built: boolean;
  readonly assistedPilotFamilies: number;
  readonly pupilFamilies: number;
  readonly homeSchoolingOrders: number;
  /** Bytes held by the typed arrays of the indexes. */
  readonly bytes: number;
}

/** A lazily generated synthetic population; see README.md of this folder. */
export interface Population {
  readonly seed: string;
  readonly size: number;
  readonly config: PopulationConfig;
  /** Family i (0-based), the same whether generated alone or streamed. @throws RangeError outside [0, size). */
  family(index: number): Family;
  /** Families from `from` (inclusive) to `to` (exclusive), in order, generated one at a time. */
  families(from?: number, to?: number): Generator<Family>;
  /** Every person, family by family. */
  persons(): Generator<Person>;
  personByIin(iin: string): Person | undefined;
  familyOfIin(iin: string): Family | undefined;
  /** The person whose MAB phone this is (`+77XXXXXXXXX`). */
  personByPhone(phone: string): Person | undefined;
  /** The MAB phone of a person, or undefined (no phone, or no such person): what the MAB mock serves. */
  phoneOf(iin: string): MabPhoneRecord | undefined;
  /** The gas personal account with this number; a mistyped number gives undefined (seed 000 cl. 28). */
  gasAccount(accountNumber: string): GasAccount | undefined;
  /** Billing's view of an account in a month: tariff, regional norm and consumption. */
  gasAccountMonth(accountNumber: string, month: string): GasAccountMonth | undefined;
  /** Groups 1 and 9 prices of a region in a month, tiyn per m³. */
  gasTariff(regionCode: string, month: string): GasTariff | undefined;
  /** The regional monthly consumption norm, litres, and who approved it. */
  monthlyNorm(
    regionCode: string,
    month: string,
  ): { readonly normLitres: number; readonly approvedBy: string } | undefined;
  /** Potential gas-voucher recipients of 'YYYY-MM': pilot region, ASP or housing assistance on the last day of the previous month (seed 001), alive. */
  gasRecipients(month: string): Generator<GasRecipient>;
  /** Special benefit accounts of a person ([] for none or an unknown IIN). */
  benefitAccounts(iin: string): readonly BenefitAccount[];
  /** The holder of one of the population's IBANs (including accounts a behaviour will open). */
  personByIban(iban: string): Person | undefined;
  /** The person's behaviour; with a key (e.g. 'gas:2025-10') an independent redraw for that campaign. */
  behaviourOf(iin: string, key?: string): Behaviour | undefined;
  /** Schools of a region, or of every region. */
  schools(regionCode?: string): readonly School[];
  /** A school by NOBD id or BIN. */
  school(idOrBin: string): School | undefined;
  pupils(filter?: PupilFilter): Generator<PupilEntry>;
  /** Home-schooling orders registered in NOBD on a date 'YYYY-MM-DD' (the daily list, seed 003 cl. 4). */
  homeSchoolingOrders(date: string): HomeSchoolingEntry[];
  /** Home-schooling orders that ended on a date (seed 003 cl. 14). */
  homeSchoolingEnded(date: string): HomeSchoolingEntry[];
  homeSchoolingOrder(orderId: string): HomeSchoolingEntry | undefined;
  /** Builds the compact indexes now (otherwise the first query that needs them does, scanning every family once). */
  buildIndexes(): PopulationIndexStats;
  indexStats(): PopulationIndexStats;
}

function optionsError(message: string): never {
  throw new DomainValidationError(
    'POPULATION_OPTIONS',
    message,
    'createPopulation({ seed: "demo", families: 1000 })',
  );
}

/** Normalises and checks the seed. @throws {DomainValidationError} POPULATION_OPTIONS. */
export function normalizeSeed(seed: unknown): string {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) optionsError('seed must be a finite number or a non-empty string');
    return String(seed);
  }
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > 200) {
    optionsError('seed must be a non-empty string (at most 200 characters) or a finite number');
  }
  return seed;
}

/** Checks a population size. @throws {DomainValidationError} POPULATION_OPTIONS. */
export function checkSize(families: unknown): number {
  if (
    typeof families !== 'number' ||
    !Number.isInteger(families) ||
    families < 0 ||
    families > MAX_FAMILIES
  ) {
    optionsError(`families must be an integer from 0 to ${MAX_FAMILIES}`);
  }
  return families;
}

class Lru {
  private readonly map = new Map<number, Family>();
  constructor(private readonly capacity: number) {}
  get(k: number): Family | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: number, v: Family): void {
    if (this.capacity === 0) return;
    this.map.set(k, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

/** A growable Uint32Array. */
class U32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

interface Indexes {
  assistedPilot: Uint32Array;
  /** CSR by school ordinal: families with a pupil at the school. */
  schoolOffsets: Uint32Array;
  schoolFamilies: Uint32Array;
  /** Person codes of home-schooled children, sorted by registration day; `hsDays` the days. */
  hsDays: Int32Array;
  hsCodes: Uint32Array;
  endDays: Int32Array;
  endCodes: Uint32Array;
}

function sortedByDay(days: U32, codes: U32): [Int32Array, Uint32Array] {
  const order = Array.from({ length: days.length }, (_, i) => i);
  order.sort((a, b) => days.data[a]! - days.data[b]! || codes.data[a]! - codes.data[b]!);
  return [Int32Array.from(order, (i) => days.data[i]!), Uint32Array.from(order, (i) => codes.data[i]!)];
}

function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkMonth(month: string): void {
  if (typeof month !== 'string' || !MONTH.test(month)) {
    throw new DomainValidationError('POPULATION_MONTH', 'month must be written YYYY-MM');
  }
}

/**
 * Creates the synthetic population of a seed and a size. Nothing is generated up front: families are generated
 * on demand from (seed, index), and IINs, phones, gas accounts and IBANs decode to their family, so lookups need
 * no index. List queries (pupils by school, daily home-schooling orders, gas recipients) use compact typed-array
 * indexes built by one scan on first use.
 * @throws {DomainValidationError} POPULATION_OPTIONS (bad seed or size) or POPULATION_CONFIG (bad config).
 */
export function createPopulation(options: PopulationOptions): Population {
  if (options === null || typeof options !== 'object')
    optionsError('options must be an object { seed, families }');
  const seed = normalizeSeed(options.seed);
  const size = checkSize(options.families);
  const cacheSize = options.cacheSize ?? 2048;
  if (!Number.isInteger(cacheSize) || cacheSize < 0) optionsError('cacheSize must be an integer ≥ 0');
  const config = resolveConfig(options.config);
  const ctx: GeneratorContext = createContext(seed, config);
  const cache = new Lru(cacheSize);
  let indexes: Indexes | undefined;
  const regionIndex = new Map(REGIONS.map((r, i) => [r.code, i]));

  const family = (index: number): Family => {
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`family index must be an integer from 0 to ${size - 1}`);
    }
    let f = cache.get(index);
    if (!f) {
      f = generateFamily(ctx, index);
      cache.set(index, f);
    }
    return f;
  };
  const byCode = (code: number | undefined): Person | undefined => {
    if (code === undefined || code >= size * SLOTS) return undefined;
    return family(Math.floor(code / SLOTS)).members.find((m) => m.slot === code % SLOTS);
  };
  const personByIin = (iin: string): Person | undefined => {
    const p = byCode(ctx.codec.codeOfIin(iin));
    return p && p.iin === iin ? p : undefined;
  };
  const gasAccount = (no: string): GasAccount | undefined => {
    const f = ctx.codec.familyOfGasAccount(no);
    if (f === undefined || f >= size) return undefined;
    const acc = family(f).gasAccount;
    return acc && acc.accountNumber === no ? acc : undefined;
  };
  const gasConsumption = (acc: GasAccount, month: string): number => {
    if (acc.status === 'closed') return 0;
    const region = regionByCode(acc.regionCode)!;
    const h = fmix32(hashString(`${seed}/gas/${acc.accountNumber}/${month}`)[0]);
    const noise = 0.8 + (h % 4001) / 10000;
    return Math.round(monthlyNormLitres(region, month) * acc.usageFactor * noise);
  };
  const schoolOrdinal = (regionIdx: number, number: number): number =>
    regionIdx * config.schoolsPerRegion + number - 1;
  const parseSchoolId = (id: string): [number, number] | undefined => {
    const m = /^SCH-(\d{2})-(\d{4})$/.exec(id);
    const r = m ? regionIndex.get(m[1]!) : undefined;
    const n = m ? Number(m[2]) : 0;
    return r === undefined || n < 1 || n > config.schoolsPerRegion ? undefined : [r, n];
  };
  let allSchools: School[] | undefined;
  const schools = (regionCode?: string): readonly School[] => {
    allSchools ??= REGIONS.flatMap((_, r) =>
      Array.from({ length: config.schoolsPerRegion }, (__, n) => ctx.school(r, n + 1)),
    );
    return regionCode === undefined ? allSchools : allSchools.filter((s) => s.regionCode === regionCode);
  };

  const build = (): Indexes => {
    if (indexes) return indexes;
    const assisted = new U32();
    const pairs = new U32();
    const hsDays = new U32();
    const hsCodes = new U32();
    const endDays = new U32();
    const endCodes = new U32();
    const schoolCount = REGIONS.length * config.schoolsPerRegion;
    const counts = new Uint32Array(schoolCount + 1);
    for (let i = 0; i < size; i++) {
      const f = generateFamily(ctx, i);
      if (regionByCode(f.regionCode)!.gasPilot && f.applicantIin !== undefined) assisted.push(i);
      let schoolSeen = -1;
      for (const m of f.members) {
        if (m.pupil) {
          const [r, n] = parseSchoolId(m.pupil.schoolId)!;
          const ord = schoolOrdinal(r, n);
          if (ord !== schoolSeen) {
            pairs.push(ord);
            pairs.push(i);
            counts[ord + 1]!++;
            schoolSeen = ord;
          }
        }
        if (m.homeSchooling) {
          hsDays.push(dayOfIso(m.homeSchooling.registeredOn));
          hsCodes.push(i * SLOTS + m.slot);
          if (m.homeSchooling.endedOn) {
            endDays.push(dayOfIso(m.homeSchooling.endedOn));
            endCodes.push(i * SLOTS + m.slot);
          }
        }
      }
    }
    for (let s = 1; s <= schoolCount; s++) counts[s]! += counts[s - 1]!;
    const schoolFamilies = new Uint32Array(pairs.length / 2);
    const fill = counts.slice(0, schoolCount);
    // Families were scanned in order, so each school's list comes out sorted.
    for (let k = 0; k < pairs.length; k += 2) schoolFamilies[fill[pairs.data[k]!]!++] = pairs.data[k + 1]!;
    const [hd, hc] = sortedByDay(hsDays, hsCodes);
    const [ed, ec] = sortedByDay(endDays, endCodes);
    indexes = {
      assistedPilot: assisted.done(),
      schoolOffsets: counts,
      schoolFamilies,
      hsDays: hd,
      hsCodes: hc,
      endDays: ed,
      endCodes: ec,
    };
    return indexes;
  };
  const stats = (): PopulationIndexStats => {
    if (!indexes)
      return { built: false, assistedPilotFamilies: 0, pupilFamilies: 0, homeSchoolingOrders: 0, bytes: 0 };
    const arrays = Object.values(indexes) as (Uint32Array | Int32Array)[];
    return {
      built: true,
      assistedPilotFamilies: indexes.assistedPilot.length,
      pupilFamilies: indexes.schoolFamilies.length,
      homeSchoolingOrders: indexes.hsCodes.length,
      bytes: arrays.reduce((n, a) => n + a.byteLength, 0),
    };
  };
  const hsEntries = (days: Int32Array, codes: Uint32Array, date: string): HomeSchoolingEntry[] => {
    if (typeof date !== 'string' || !DATE.test(date)) {
      throw new DomainValidationError('POPULATION_DATE', 'date must be written YYYY-MM-DD');
    }
    const day = dayOfIso(date);
    const out: HomeSchoolingEntry[] = [];
    for (let k = lowerBound(days, day); k < days.length && days[k] === day; k++) {
      const f = family(Math.floor(codes[k]! / SLOTS));
      const child = f.members.find((m) => m.slot === codes[k]! % SLOTS)!;
      out.push({ order: child.homeSchooling!, child, family: f });
    }
    return out;
  };

  function* families(from = 0, to = size): Generator<Family> {
    const end = Math.min(to, size);
    for (let i = Math.max(0, from); i < end; i++) yield generateFamily(ctx, i);
  }

  function* pupilsOf(f: Family, filter: PupilFilter): Generator<PupilEntry> {
    for (const m of f.members) {
      const p = m.pupil;
      if (!p) continue;
      if (filter.schoolId !== undefined && p.schoolId !== filter.schoolId) continue;
      if (filter.mealCategory !== undefined && p.mealCategory !== filter.mealCategory) continue;
      if (filter.eligibleOnly && p.mealCategory === null) continue;
      const [r, n] = parseSchoolId(p.schoolId)!;
      yield { pupil: m, family: f, school: ctx.school(r, n) };
    }
  }

  const population: Population = {
    seed,
    size,
    config,
    family,
    families,
    *persons() {
      for (const f of families()) yield* f.members;
    },
    personByIin,
    familyOfIin(iin) {
      const p = personByIin(iin);
      return p ? family(p.familyIndex) : undefined;
    },
    personByPhone(phone) {
      const p = byCode(ctx.codec.codeOfPhone(phone));
      return p && p.phone?.phone === phone ? p : undefined;
    },
    phoneOf(iin) {
      return personByIin(iin)?.phone;
    },
    gasAccount,
    gasAccountMonth(no, month) {
      checkMonth(month);
      const account = gasAccount(no);
      if (!account) return undefined;
      const region = regionByCode(account.regionCode)!;
      return {
        account,
        family: family(ctx.codec.familyOfGasAccount(no)!),
        tariff: gasTariff(region, month),
        normLitres: monthlyNormLitres(region, month),
        consumedLitres: gasConsumption(account, month),
      };
    },
    gasTariff(regionCode, month) {
      checkMonth(month);
      const region = regionByCode(regionCode);
      return region ? gasTariff(region, month) : undefined;
    },
    monthlyNorm(regionCode, month) {
      checkMonth(month);
      const region = regionByCode(regionCode);
      return region
        ? { normLitres: monthlyNormLitres(region, month), approvedBy: normApprovedBy(region) }
        : undefined;
    },
    *gasRecipients(month) {
      checkMonth(month);
      const asOf = isoOfDay(lastDayOfPreviousMonth(month));
      const ix = build();
      for (const i of ix.assistedPilot) {
        const f = generateFamily(ctx, i);
        const active = f.assistance.filter(
          (a) => a.periodFrom <= asOf && (a.periodTo === null || a.periodTo >= asOf),
        );
        if (active.length === 0) continue;
        const person = f.members.find((m) => m.iin === f.applicantIin)!;
        if (person.lifeStatus.code === 'DEAD') continue;
        yield {
          person,
          family: f,
          assistance: active,
          ...(f.gasAccount ? { gasAccount: f.gasAccount } : {}),
        };
      }
    },
    benefitAccounts(iin) {
      return personByIin(iin)?.benefitAccounts ?? [];
    },
    personByIban(iban) {
      const p = byCode(ctx.codec.codeOfIban(iban));
      if (!p) return undefined;
      const owns = p.benefitAccounts.some((a) => a.iban === iban) || p.behaviour?.opensAccount?.iban === iban;
      return owns ? p : undefined;
    },
    behaviourOf(iin, key) {
      const p = personByIin(iin);
      if (!p?.behaviour || key === undefined) return p?.behaviour;
      const rng = new Rng(hashString(`${seed}/behaviour/${key}`), p.familyIndex * SLOTS + p.slot);
      return drawBehaviour(
        rng,
        ctx,
        p.familyIndex * SLOTS + p.slot,
        p.benefitAccounts.map((a) => a.bankCode),
        p.benefitAccounts.length + 1,
      );
    },
    schools,
    school(idOrBin) {
      const parsed = typeof idOrBin === 'string' ? parseSchoolId(idOrBin) : undefined;
      if (parsed) return ctx.school(parsed[0], parsed[1]);
      return schools().find((s) => s.bin === idOrBin);
    },
    *pupils(filter = {}) {
      if (filter.schoolId !== undefined) {
        const parsed = parseSchoolId(filter.schoolId);
        if (!parsed) return;
        const ix = build();
        const ord = schoolOrdinal(parsed[0], parsed[1]);
        for (let k = ix.schoolOffsets[ord]!; k < ix.schoolOffsets[ord + 1]!; k++) {
          yield* pupilsOf(generateFamily(ctx, ix.schoolFamilies[k]!), filter);
        }
        return;
      }
      for (const f of families()) {
        if (filter.regionCode !== undefined && f.regionCode !== filter.regionCode) continue;
        yield* pupilsOf(f, filter);
      }
    },
    homeSchoolingOrders(date) {
      const ix = build();
      return hsEntries(ix.hsDays, ix.hsCodes, date);
    },
    homeSchoolingEnded(date) {
      const ix = build();
      return hsEntries(ix.endDays, ix.endCodes, date);
    },
    homeSchoolingOrder(orderId) {
      const m = typeof orderId === 'string' ? /^HSO-\d{2}-(\d{8})$/.exec(orderId) : null;
      const child = m ? byCode(Number(m[1])) : undefined;
      if (!child?.homeSchooling || child.homeSchooling.orderId !== orderId) return undefined;
      return { order: child.homeSchooling, child, family: family(child.familyIndex) };
    },
    buildIndexes() {
      build();
      return stats();
    },
    indexStats: stats,
  };
  return population;
}
