import { generateBin } from '../../src/domain/bin';
import type { Tiyn } from '../../src/domain/money';
import { fmix32 } from './prng';

/**
 * Reference data of the synthetic population: regions (by KATO prefix), gas tariffs of consumer groups 1 and 9,
 * regional monthly consumption norms and schools. Region codes and names are real; the tariffs, norms and schools
 * are synthetic (plausible magnitudes, not the figures any akimat or regulator approved).
 */

/** A region (облыс or city of republican significance) of the population. */
export interface RegionInfo {
  /** Two-digit KATO prefix: '79' Shymkent, '27' West Kazakhstan, '71' Astana, … */
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
  /** Nine-digit KATO code of the main locality. */
  readonly kato: string;
  /** The main locality as written in addresses. */
  readonly cityKz: string;
  readonly cityRu: string;
  /** A region of the gas-voucher pilot (seed 000 cl. 1, 4). */
  readonly gasPilot: boolean;
  /** Group-1 and group-9 gas prices, tiyn per m³ (synthetic). */
  readonly group1PricePerM3: number;
  readonly group9PricePerM3: number;
  /** Multiplier of the base monthly norm (colder regions use more gas). */
  readonly normFactor: number;
}

/** Regions of the population, pilot regions first. */
export const REGIONS: readonly RegionInfo[] = Object.freeze([
  {
    code: '79',
    nameKz: 'Шымкент қаласы',
    nameRu: 'город Шымкент',
    kato: '791010000',
    cityKz: 'Шымкент қ.',
    cityRu: 'г. Шымкент',
    gasPilot: true,
    group1PricePerM3: 2781,
    group9PricePerM3: 1950,
    normFactor: 1,
  },
  {
    code: '27',
    nameKz: 'Батыс Қазақстан облысы',
    nameRu: 'Западно-Казахстанская область',
    kato: '271010000',
    cityKz: 'Орал қ.',
    cityRu: 'г. Уральск',
    gasPilot: true,
    group1PricePerM3: 2460,
    group9PricePerM3: 1720,
    normFactor: 1.3,
  },
  {
    code: '71',
    nameKz: 'Астана қаласы',
    nameRu: 'город Астана',
    kato: '711010000',
    cityKz: 'Астана қ.',
    cityRu: 'г. Астана',
    gasPilot: false,
    group1PricePerM3: 2990,
    group9PricePerM3: 2990,
    normFactor: 1.5,
  },
  {
    code: '75',
    nameKz: 'Алматы қаласы',
    nameRu: 'город Алматы',
    kato: '751010000',
    cityKz: 'Алматы қ.',
    cityRu: 'г. Алматы',
    gasPilot: false,
    group1PricePerM3: 3120,
    group9PricePerM3: 3120,
    normFactor: 1.1,
  },
  {
    code: '61',
    nameKz: 'Түркістан облысы',
    nameRu: 'Туркестанская область',
    kato: '611010000',
    cityKz: 'Түркістан қ.',
    cityRu: 'г. Туркестан',
    gasPilot: false,
    group1PricePerM3: 2705,
    group9PricePerM3: 2705,
    normFactor: 0.95,
  },
  {
    code: '55',
    nameKz: 'Павлодар облысы',
    nameRu: 'Павлодарская область',
    kato: '551010000',
    cityKz: 'Павлодар қ.',
    cityRu: 'г. Павлодар',
    gasPilot: false,
    group1PricePerM3: 3350,
    group9PricePerM3: 3350,
    normFactor: 1.5,
  },
  {
    code: '35',
    nameKz: 'Қарағанды облысы',
    nameRu: 'Карагандинская область',
    kato: '351010000',
    cityKz: 'Қарағанды қ.',
    cityRu: 'г. Караганда',
    gasPilot: false,
    group1PricePerM3: 3280,
    group9PricePerM3: 3280,
    normFactor: 1.45,
  },
  {
    code: '15',
    nameKz: 'Ақтөбе облысы',
    nameRu: 'Актюбинская область',
    kato: '151010000',
    cityKz: 'Ақтөбе қ.',
    cityRu: 'г. Актобе',
    gasPilot: false,
    group1PricePerM3: 2230,
    group9PricePerM3: 2230,
    normFactor: 1.35,
  },
]);

const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** The region with this KATO prefix, or undefined. */
export function regionByCode(code: string): RegionInfo | undefined {
  return BY_CODE.get(code);
}

/** Monthly consumption norm of a household in Shymkent, m³ per calendar month January…December (synthetic). */
const BASE_NORM_M3 = [180, 160, 120, 70, 30, 20, 20, 20, 30, 80, 130, 170] as const;

/** The regional monthly norm in litres for 'YYYY-MM' (1 m³ = 1,000 L). */
export function monthlyNormLitres(region: RegionInfo, month: string): number {
  const m = Number(month.slice(5, 7));
  return Math.round(BASE_NORM_M3[m - 1]! * region.normFactor) * 1000;
}

/** Gas prices of a month, tiyn per m³: group 1 (household) and group 9 (household with ASP/housing assistance). */
export interface GasTariff {
  readonly month: string;
  readonly group1PricePerM3: Tiyn;
  readonly group9PricePerM3: Tiyn;
  /** group1 − group9, tiyn per m³: the discount of a voucher per m³ (seed 000 cl. 2 7)). */
  readonly discountPerM3: Tiyn;
}

/** Prices rise by 10% on 1 July 2025 (synthetic), so that a campaign sees a tariff change. */
const TARIFF_RISE_FROM = '2025-07';

/** The tariff of a region in 'YYYY-MM'. */
export function gasTariff(region: RegionInfo, month: string): GasTariff {
  const factor = month >= TARIFF_RISE_FROM ? 1.1 : 1;
  const g1 = Math.round(region.group1PricePerM3 * factor);
  const g9 = Math.round(region.group9PricePerM3 * factor);
  return {
    month,
    group1PricePerM3: g1 as Tiyn,
    group9PricePerM3: g9 as Tiyn,
    discountPerM3: (g1 - g9) as Tiyn,
  };
}

/** Who approved the norm, as billing shows it. */
export function normApprovedBy(region: RegionInfo): string {
  return `${region.nameKz} жергілікті атқарушы органының шешімі (синтетикалық норма)`;
}

/** A general school of the population. */
export interface School {
  /** Id in NOBD, e.g. 'SCH-79-0045'. */
  readonly schoolId: string;
  readonly bin: string;
  readonly number: number;
  readonly nameKz: string;
  readonly nameRu: string;
  readonly regionCode: string;
  readonly kato: string;
  readonly address: string;
}

/**
 * School `number` (1-based) of a region, identical for every seed: schools are infrastructure, not people. Each
 * school gets an even BIN serial of its own, so generateBin's skip over an unusable serial lands on an odd one
 * that no other school uses and BINs stay unique.
 */
export function schoolOf(regionIndex: number, number: number, streets: readonly string[]): School {
  const region = REGIONS[regionIndex]!;
  const h = fmix32(regionIndex * 7919 + number);
  const year = 1995 + (h % 25);
  const month = 1 + ((h >>> 8) % 12);
  const bin = generateBin({
    registered: `${year}-${String(month).padStart(2, '0')}`,
    serial: 2 * (regionIndex * 2000 + number),
  });
  const street = streets[(h >>> 16) % streets.length]!;
  return {
    schoolId: `SCH-${region.code}-${String(number).padStart(4, '0')}`,
    bin,
    number,
    nameKz: `№ ${number} жалпы білім беретін мектеп`,
    nameRu: `Общеобразовательная школа № ${number}`,
    regionCode: region.code,
    kato: region.kato,
    address: `${region.cityKz}, ${street}, ${1 + ((h >>> 4) % 150)}`,
  };
}
