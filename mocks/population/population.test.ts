import { BANKS } from '../../src/domain/banks';
import { DomainValidationError } from '../../src/domain/errors';
import { isValidKzIban } from '../../src/domain/iban';
import { generateIin, parseIin } from '../../src/domain/iin';
import { normalizeKzPhone } from '../../src/domain/phone';
import { ageOn, dayOfIso, plusYears } from './dates';
import {
  createPopulation,
  DEFAULT_POPULATION_CONFIG,
  MAX_FAMILIES,
  populationJsonChunks,
  populationToJson,
  REGIONS,
  type Family,
  type Person,
} from './index';

const SEED = 'population-test';
/** The large sample: uniqueness and proportions are checked over it. */
const LARGE = 20_000;

const large = createPopulation({ seed: SEED, families: LARGE });
let families: Family[] = [];
let persons: Person[] = [];
let adults: Person[] = [];

beforeAll(() => {
  families = [...large.families()];
  persons = families.flatMap((f) => f.members);
  adults = persons.filter((p) => p.role !== 'child');
});

function share(items: readonly unknown[], pred: (x: never) => boolean): number {
  return items.filter((x) => pred(x as never)).length / items.length;
}

function weightShare(weights: Readonly<Record<string, number>>, key: string): number {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return weights[key]! / total;
}

describe('determinism', () => {
  it('gives byte-identical JSON for the same seed and size', () => {
    const a = createPopulation({ seed: 'same', families: 300 });
    const b = createPopulation({ seed: 'same', families: 300 });
    expect(populationToJson(a)).toBe(populationToJson(b));
  });

  it('gives different people for different seeds', () => {
    const a = createPopulation({ seed: 'one', families: 50 });
    const b = createPopulation({ seed: 'two', families: 50 });
    expect(populationToJson(a, { limit: 50 })).not.toBe(populationToJson(b, { limit: 50 }));
    expect(a.family(0).members[0]!.iin).not.toBe(b.family(0).members[0]!.iin);
  });

  it('treats a number seed as its decimal string', () => {
    const a = createPopulation({ seed: 42, families: 10 });
    const b = createPopulation({ seed: '42', families: 10 });
    expect(populationToJson(a)).toBe(populationToJson(b));
  });

  it("does not change a family's content with the population size", () => {
    const small = createPopulation({ seed: SEED, families: 100 });
    expect(JSON.stringify(small.family(57))).toBe(JSON.stringify(families[57]));
  });

  it('generates family i alone exactly as the stream does (random access)', () => {
    const fresh = createPopulation({ seed: SEED, families: LARGE, cacheSize: 0 });
    for (const i of [0, 1, 2, 999, 4321, 12_345, LARGE - 1]) {
      expect(JSON.stringify(fresh.family(i))).toBe(JSON.stringify(families[i]));
    }
    expect([...fresh.families(10, 13)].map((f) => f.index)).toEqual([10, 11, 12]);
  });
});

describe('identifiers over 20 000 families', () => {
  it('gives every person a valid IIN that agrees with the birth date and gender, unique in the population', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const p of persons) {
      const info = parseIin(p.iin);
      if (info.birthDate !== p.birthDate || info.gender !== p.gender) problems.push(p.iin);
      seen.add(p.iin);
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(persons.length);
    expect(persons.length).toBeGreaterThan(LARGE * 2);
  });

  it('gives unique +77 mobile phones to some adults and none to children', () => {
    const phones = persons.flatMap((p) => (p.phone ? [p.phone.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.every((ph) => /^\+77\d{9}$/.test(ph) && normalizeKzPhone(ph) === ph)).toBe(true);
    expect(persons.some((p) => p.role === 'child' && p.phone)).toBe(false);
    const withPhone = share(adults, (p: Person) => p.phone !== undefined);
    expect(withPhone).toBeGreaterThan(0.8);
    expect(withPhone).toBeLessThan(0.95);
  });

  it('gives valid, unique IBANs of banks in BANKS, including the accounts a behaviour opens later', () => {
    const ibans = persons.flatMap((p) => [
      ...p.benefitAccounts.map((a) => a.iban),
      ...(p.behaviour?.opensAccount ? [p.behaviour.opensAccount.iban] : []),
    ]);
    expect(ibans.length).toBeGreaterThan(LARGE);
    expect(ibans.filter((i) => !isValidKzIban(i))).toEqual([]);
    expect(ibans.filter((i) => BANKS[i.slice(4, 7)] === undefined)).toEqual([]);
    expect(new Set(ibans).size).toBe(ibans.length);
    const problems = persons.filter(
      (p) =>
        p.benefitAccounts.some((a) => a.iban.slice(4, 7) !== a.bankCode) ||
        new Set(p.benefitAccounts.map((a) => a.bankCode)).size !== p.benefitAccounts.length,
    );
    expect(problems).toEqual([]);
  });

  it('gives unique gas personal accounts whose mistyped form is no account', () => {
    const accounts = families.flatMap((f) => (f.gasAccount ? [f.gasAccount] : []));
    expect(new Set(accounts.map((a) => a.accountNumber)).size).toBe(accounts.length);
    const problems = accounts.filter(
      (a) =>
        !a.accountNumber.startsWith(a.regionCode) ||
        a.mistypedNumber === a.accountNumber ||
        large.gasAccount(a.mistypedNumber) !== undefined,
    );
    expect(problems).toEqual([]);
  });

  it('gives every school a unique BIN and id', () => {
    const schools = large.schools();
    expect(new Set(schools.map((s) => s.bin)).size).toBe(schools.length);
    expect(new Set(schools.map((s) => s.schoolId)).size).toBe(schools.length);
  });
});

describe('family consistency', () => {
  const refDay = dayOfIso(DEFAULT_POPULATION_CONFIG.referenceDate);

  it('makes children at least 16 years younger than their parents, guardian and grandparents', () => {
    const problems: string[] = [];
    for (const f of families) {
      const elders = f.members.filter((m) => m.role !== 'child');
      for (const child of f.members.filter((m) => m.role === 'child')) {
        for (const e of elders) {
          if (plusYears(dayOfIso(e.birthDate), 16) > dayOfIso(child.birthDate)) problems.push(`${f.index}`);
        }
      }
      const gp = f.members.find((m) => m.role === 'grandparent');
      for (const parent of f.members.filter((m) => m.role === 'father' || m.role === 'mother')) {
        if (gp && plusYears(dayOfIso(gp.birthDate), 16) > dayOfIso(parent.birthDate))
          problems.push(`gp ${f.index}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes adults adults and children born before the reference date', () => {
    const problems = persons.filter((p) => {
      const age = ageOn(dayOfIso(p.birthDate), refDay);
      return p.role === 'child' ? age < 0 : age < 18;
    });
    expect(problems).toEqual([]);
  });

  it('makes pupils children of school age with a school of their region', () => {
    const pupils = persons.filter((p) => p.pupil);
    expect(pupils.length).toBeGreaterThan(LARGE / 2);
    const problems = pupils.filter((p) => {
      const age = ageOn(dayOfIso(p.birthDate), refDay);
      const { grade, schoolId, schoolBin } = p.pupil!;
      return (
        p.role !== 'child' ||
        age < 5 ||
        age > 18 ||
        grade < 0 ||
        grade > 11 ||
        schoolId.slice(4, 6) !== families[p.familyIndex]!.regionCode ||
        large.school(schoolId)!.bin !== schoolBin
      );
    });
    expect(problems).toEqual([]);
  });

  it('gives meal categories 1–3 as in seed 002 Annex 1 cl. 5', () => {
    for (const f of families) {
      for (const p of f.members.filter((m) => m.pupil)) {
        const cat = p.pupil!.mealCategory;
        const guardian = f.members.some((m) => m.role === 'guardian');
        if (guardian) expect(cat).toBe('3');
        else if (cat === '1') expect(f.assistance.some((a) => a.type === 'asp')).toBe(true);
        else if (cat === '2') expect(f.lowIncome).toBe(true);
      }
    }
    const cats = new Set(persons.map((p) => p.pupil?.mealCategory));
    expect([...cats].sort()).toEqual(['1', '2', '3', null, undefined].sort());
  });

  it('home-schools only pupils with a disability, with coherent order and ВКК dates', () => {
    const homeSchooled = persons.filter((p) => p.homeSchooling);
    expect(homeSchooled.length).toBeGreaterThan(50);
    for (const p of homeSchooled) {
      const o = p.homeSchooling!;
      expect(p.disability).toBeDefined();
      expect(p.pupil).toBeDefined();
      expect(o.childIin).toBe(p.iin);
      expect(o.vkkConclusionDate <= o.orderDate).toBe(true);
      expect(o.orderDate <= o.registeredOn).toBe(true);
      expect(o.periodFrom <= o.periodTo).toBe(true);
      expect(p.disability!.startDate <= o.vkkConclusionDate).toBe(true);
      if (o.endedOn) expect(o.endedOn >= o.periodFrom && o.endedOn <= o.periodTo).toBe(true);
    }
    expect(homeSchooled.some((p) => p.homeSchooling!.endedOn)).toBe(true);
  });

  it('gives every child, and so every child with a disability, a representative in the family', () => {
    const children = persons.filter((p) => p.role === 'child');
    expect(children.filter((c) => c.disability).length).toBeGreaterThan(100);
    const problems = children.filter((c) => {
      const fam = families[c.familyIndex]!;
      const reps = c.representatives ?? [];
      const hasMother = fam.members.some((m) => m.role === 'mother');
      return (
        reps.length === 0 ||
        reps.some((r) => fam.members.find((m) => m.iin === r.iin)?.role !== r.role) ||
        (hasMother && reps[0]!.role !== 'mother')
      );
    });
    expect(problems).toEqual([]);
  });

  it('names people in Kazakh and Russian with patronymics of the father', () => {
    const problems: string[] = [];
    for (const f of families.slice(0, 3000)) {
      const father = f.members.find((m) => m.role === 'father');
      for (const child of f.members.filter((m) => m.role === 'child' && m.name.middleName)) {
        const mid = child.name.middleName!;
        const male = child.gender === 'male';
        const ending = f.language === 'kk' ? (male ? /ұлы$/ : /қызы$/) : male ? /вич$/ : /вна$/;
        if (!ending.test(mid)) problems.push(mid);
        if (father && f.language === 'kk' && !mid.startsWith(father.name.firstName)) problems.push(mid);
        if (father && !child.name.lastName.startsWith(father.name.lastName))
          problems.push(child.name.lastName);
      }
    }
    expect(problems).toEqual([]);
    expect(share(families, (f: Family) => f.language === 'kk')).toBeGreaterThan(0.7);
  });

  it('spreads families over regions, the gas pilot regions included', () => {
    const codes = new Set(families.map((f) => f.regionCode));
    expect(codes.has('79')).toBe(true);
    expect(codes.has('27')).toBe(true);
    expect([...codes].every((c) => REGIONS.some((r) => r.code === c))).toBe(true);
    expect(share(families, (f: Family) => f.regionCode === '79')).toBeCloseTo(0.3, 1);
  });

  it('has some deceased, missing and incapable people, some without citizenship or registration, some expired documents', () => {
    const codes = new Set(adults.map((p) => p.lifeStatus.code));
    expect([...codes].sort()).toEqual(['ALIVE', 'DEAD', 'INCAPABLE', 'MISSING']);
    expect(adults.some((p) => p.citizenship === '000')).toBe(true);
    expect(adults.some((p) => p.registration === undefined)).toBe(true);
    const docs = adults.flatMap((p) => p.identityDocuments);
    expect(docs.some((d) => d.status === 'EXPIRED')).toBe(true);
    expect(
      docs.filter((d) => (d.status === 'EXPIRED') !== d.expiryDate < DEFAULT_POPULATION_CONFIG.referenceDate),
    ).toEqual([]);
    expect(
      adults.filter((p) => p.citizenship === '000').every((p) => p.identityDocuments[0]!.type === '004'),
    ).toBe(true);
    expect(adults.filter((p) => p.lifeStatus.code !== 'ALIVE').every((p) => p.lifeStatus.since)).toBe(true);
  });

  it('gives gas accounts integer monthly consumption, tariffs of groups 1 and 9 and regional norms', () => {
    const a = families.find((f) => f.gasAccount?.status === 'active' && f.regionCode === '79')!.gasAccount!;
    const jan = large.gasAccountMonth(a.accountNumber, '2025-01')!;
    const jul = large.gasAccountMonth(a.accountNumber, '2025-07')!;
    expect(Number.isInteger(jan.consumedLitres)).toBe(true);
    expect(jan.consumedLitres).toBeGreaterThan(jul.consumedLitres);
    expect(jan.tariff.discountPerM3).toBe(jan.tariff.group1PricePerM3 - jan.tariff.group9PricePerM3);
    expect(jan.tariff.discountPerM3).toBeGreaterThan(0);
    expect(jan.normLitres % 1000).toBe(0);
    expect(large.gasAccountMonth(a.accountNumber, '2025-01')).toEqual(jan);
    expect(large.monthlyNorm('27', '2025-01')!.normLitres).toBeGreaterThan(
      large.monthlyNorm('79', '2025-01')!.normLitres,
    );
    expect(large.gasTariff('00', '2025-01')).toBeUndefined();
    const groups = new Set(families.flatMap((f) => (f.gasAccount ? [f.gasAccount.consumerGroup] : [])));
    expect([...groups].sort()).toEqual(['1', '9']);
  });
});

describe('behaviour proportions (seed fixed, 20 000 families)', () => {
  const b = DEFAULT_POPULATION_CONFIG.behaviour;
  const TOL = 0.02;

  it.each(['consent', 'refuse', 'ignore', 'reminderOnly', 'malformed'] as const)(
    'reply %s is near its configured share',
    (kind) => {
      expect(
        Math.abs(share(adults, (p: Person) => p.behaviour!.reply === kind) - weightShare(b.reply, kind)),
      ).toBeLessThan(TOL);
    },
  );

  it('draws voucher activation, mistyped accounts, office activations and meal QRs near their shares', () => {
    const pairs: [number, number][] = [
      [share(adults, (p: Person) => p.behaviour!.voucher.activates), b.activatesVoucher],
      [share(adults, (p: Person) => p.behaviour!.voucher.typesAccount === 'mistyped'), b.mistypesAccount],
      [share(adults, (p: Person) => p.behaviour!.voucher.channel === 'provider-office'), b.providerOffice],
      [share(adults, (p: Person) => p.behaviour!.generatesMealQr), b.generatesMealQr],
      [share(adults, (p: Person) => p.behaviour!.opensAccount !== undefined), b.opensAccount],
      [share(adults, (p: Person) => p.behaviour!.voucher.activationDay > 29), b.activatesLate],
    ];
    for (const [actual, expected] of pairs) expect(Math.abs(actual - expected)).toBeLessThan(TOL);
  });

  it('gives reply delays in minutes within a week, and replies to everyone but the ignorers', () => {
    const problems = adults.filter((p) => {
      const d = p.behaviour!.replyAfterMinutes;
      if (p.behaviour!.reply === 'ignore') return d !== undefined;
      return !(Number.isInteger(d) && d! >= 1 && d! <= 7 * 24 * 60);
    });
    expect(problems).toEqual([]);
    const withinHour = share(
      adults.filter((p) => p.behaviour!.reply !== 'ignore'),
      (p: Person) => p.behaviour!.replyAfterMinutes! <= 60,
    );
    expect(Math.abs(withinHour - weightShare(b.replyDelay, 'hour'))).toBeLessThan(TOL);
  });

  it('holds benefit accounts in no bank, one or several near the configured weights', () => {
    const w = DEFAULT_POPULATION_CONFIG.benefitAccounts;
    const n = (p: Person) => p.benefitAccounts.length;
    expect(Math.abs(share(adults, (p: Person) => n(p) === 0) - weightShare(w, 'none'))).toBeLessThan(TOL);
    expect(Math.abs(share(adults, (p: Person) => n(p) === 1) - weightShare(w, 'one'))).toBeLessThan(TOL);
    expect(Math.abs(share(adults, (p: Person) => n(p) >= 2) - weightShare(w, 'several'))).toBeLessThan(TOL);
  });

  it('opens accounts after 1–5 working days, in a bank where the person has none', () => {
    const problems = adults.filter((p) => {
      const o = p.behaviour!.opensAccount;
      return (
        o !== undefined &&
        (o.afterWorkingDays < 1 ||
          o.afterWorkingDays > 5 ||
          p.benefitAccounts.some((a) => a.bankCode === o.bankCode))
      );
    });
    expect(problems).toEqual([]);
  });

  it('follows overrides of the config', () => {
    const pop = createPopulation({
      seed: SEED,
      families: 500,
      config: {
        behaviour: { reply: { consent: 0, refuse: 1, ignore: 0, reminderOnly: 0, malformed: 0 } },
        adultHasPhone: 0,
      },
    });
    const ps = [...pop.persons()].filter((p) => p.behaviour);
    expect(ps.every((p) => p.behaviour!.reply === 'refuse')).toBe(true);
    expect(ps.some((p) => p.phone)).toBe(false);
    expect(pop.config.behaviour.activatesVoucher).toBe(DEFAULT_POPULATION_CONFIG.behaviour.activatesVoucher);
  });

  it('redraws a behaviour per campaign key, deterministically', () => {
    const iins = adults.slice(0, 400).map((p) => p.iin);
    const oct = iins.map((i) => JSON.stringify(large.behaviourOf(i, 'gas:2025-10')));
    expect(iins.map((i) => JSON.stringify(large.behaviourOf(i, 'gas:2025-10')))).toEqual(oct);
    expect(iins.map((i) => JSON.stringify(large.behaviourOf(i, 'gas:2025-11')))).not.toEqual(oct);
    expect(large.behaviourOf(iins[0]!)).toEqual(adults[0]!.behaviour);
  });
});

describe('indexes find what streaming finds', () => {
  const sample = () => families.slice(0, 3000).flatMap((f) => f.members);

  it('finds every person by IIN, phone and IBAN, and MAB phones by IIN', () => {
    const problems = sample().filter(
      (p) =>
        large.personByIin(p.iin)?.slot !== p.slot ||
        large.familyOfIin(p.iin)?.index !== p.familyIndex ||
        JSON.stringify(large.phoneOf(p.iin)) !== JSON.stringify(p.phone) ||
        (p.phone !== undefined && large.personByPhone(p.phone.phone)?.iin !== p.iin) ||
        JSON.stringify(large.benefitAccounts(p.iin)) !== JSON.stringify(p.benefitAccounts) ||
        p.benefitAccounts.some((a) => large.personByIban(a.iban)?.iin !== p.iin) ||
        (p.behaviour?.opensAccount !== undefined &&
          large.personByIban(p.behaviour.opensAccount.iban)?.iin !== p.iin),
    );
    expect(problems.map((p) => p.iin)).toEqual([]);
  });

  it('answers undefined for IINs, phones and accounts outside the population', () => {
    const stranger = generateIin({ birthDate: '1961-05-05', gender: 'male', serial: 1234 });
    expect(large.personByIin(stranger)).toBeUndefined();
    expect(large.phoneOf(stranger)).toBeUndefined();
    expect(large.phoneOf('123')).toBeUndefined();
    expect(large.benefitAccounts(stranger)).toEqual([]);
    expect(large.personByPhone('+77000000000')).toBeUndefined();
    expect(large.gasAccount('00000000000')).toBeUndefined();
    const small = createPopulation({ seed: SEED, families: 10 });
    expect(small.personByIin(families[5000]!.members[0]!.iin)).toBeUndefined();
  });

  it('finds every gas account by number', () => {
    const withAccount = families.slice(0, 3000).filter((f) => f.gasAccount);
    const json = (x: unknown) => JSON.stringify(x);
    expect(
      withAccount.filter((f) => json(large.gasAccount(f.gasAccount!.accountNumber)) !== json(f.gasAccount)),
    ).toEqual([]);
  });

  it('lists gas recipients of a month: pilot region, ASP or housing on the last day of the previous month', () => {
    const month = '2025-10';
    const asOf = '2025-09-30';
    const expected = families
      .filter((f) => f.regionCode === '79' || f.regionCode === '27')
      .filter((f) =>
        f.assistance.some((a) => a.periodFrom <= asOf && (a.periodTo === null || a.periodTo >= asOf)),
      )
      .filter((f) => f.members.find((m) => m.iin === f.applicantIin)!.lifeStatus.code !== 'DEAD')
      .map((f) => f.applicantIin);
    const got = [...large.gasRecipients(month)].map((r) => r.person.iin);
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(1000);
  });

  it('lists pupils of a school as streaming does', () => {
    const school = families.find((f) => f.members.some((m) => m.pupil))!.members.find((m) => m.pupil)!.pupil!
      .schoolId;
    const expected = persons.filter((p) => p.pupil?.schoolId === school).map((p) => p.iin);
    expect([...large.pupils({ schoolId: school })].map((e) => e.pupil.iin)).toEqual(expected);
    const eligible = [...large.pupils({ schoolId: school, eligibleOnly: true })];
    expect(eligible.every((e) => e.pupil.pupil!.mealCategory !== null)).toBe(true);
    expect([...large.pupils({ schoolId: 'SCH-00-0001' })]).toEqual([]);
  });

  it('lists the daily home-schooling orders and the ended ones as streaming does', () => {
    const orders = persons.flatMap((p) => (p.homeSchooling ? [p.homeSchooling] : []));
    const days = [...new Set(orders.map((o) => o.registeredOn))].slice(0, 30);
    for (const day of days) {
      const expected = orders
        .filter((o) => o.registeredOn === day)
        .map((o) => o.orderId)
        .sort();
      expect(
        large
          .homeSchoolingOrders(day)
          .map((e) => e.order.orderId)
          .sort(),
      ).toEqual(expected);
    }
    const ended = orders.find((o) => o.endedOn)!;
    expect(large.homeSchoolingEnded(ended.endedOn!).map((e) => e.order.orderId)).toContain(ended.orderId);
    expect(large.homeSchoolingOrder(ended.orderId)?.child.iin).toBe(ended.childIin);
    expect(large.homeSchoolingOrder('HSO-79-99999999')).toBeUndefined();
    expect(large.homeSchoolingOrders('1999-01-01')).toEqual([]);
    const stats = large.indexStats();
    expect(stats.built).toBe(true);
    expect(stats.homeSchoolingOrders).toBe(orders.length);
  });
});

describe('options', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      return (e as DomainValidationError).code;
    }
    return undefined;
  };

  it.each([
    ['a negative size', { seed: 's', families: -1 }],
    ['a non-integer size', { seed: 's', families: 1.5 }],
    ['NaN', { seed: 's', families: Number.NaN }],
    ['a size as a string', { seed: 's', families: '10' }],
    ['a size over the maximum', { seed: 's', families: MAX_FAMILIES + 1 }],
    ['an object seed', { seed: {}, families: 1 }],
    ['a missing seed', { families: 1 }],
    ['an empty seed', { seed: '', families: 1 }],
    ['an infinite seed', { seed: Infinity, families: 1 }],
    ['a negative cache size', { seed: 's', families: 1, cacheSize: -1 }],
  ])('refuses %s with POPULATION_OPTIONS', (_, options) => {
    expect(code(() => createPopulation(options as never))).toBe('POPULATION_OPTIONS');
  });

  it.each([
    ['a share above 1', { adultHasPhone: 1.5 }],
    ['an unknown key', { nope: 1 }],
    ['an unknown region', { regions: { '99': 1 } }],
    ['an unknown bank', { banks: { '000': 1 } }],
    [
      'all weights 0',
      { behaviour: { reply: { consent: 0, refuse: 0, ignore: 0, reminderOnly: 0, malformed: 0 } } },
    ],
    ['a reference date before 2024', { referenceDate: '2023-06-01' }],
    ['a wrong type', { family: 'big' }],
  ])('refuses a config with %s with POPULATION_CONFIG', (_, config) => {
    expect(code(() => createPopulation({ seed: 's', families: 1, config: config as never }))).toBe(
      'POPULATION_CONFIG',
    );
  });

  it('accepts an empty population', () => {
    const pop = createPopulation({ seed: 's', families: 0 });
    expect([...pop.families()]).toEqual([]);
    expect(() => pop.family(0)).toThrow(RangeError);
    expect(JSON.parse(populationToJson(pop)).families).toEqual([]);
  });

  it('refuses bad months and dates in queries', () => {
    expect(code(() => large.gasTariff('79', '2025-13'))).toBe('POPULATION_MONTH');
    expect(code(() => [...large.gasRecipients('oct')])).toBe('POPULATION_MONTH');
    expect(code(() => large.homeSchoolingOrders('2025/09/01'))).toBe('POPULATION_DATE');
  });
});

describe('populationToJson', () => {
  const pop = createPopulation({ seed: 'json', families: 40 });

  it('prints the header and the families as JSON, from and limit applied', () => {
    const doc = JSON.parse(populationToJson(pop, { from: 5, limit: 10 }));
    expect(doc).toMatchObject({ seed: 'json', size: 40, referenceDate: '2025-09-01', from: 5, count: 10 });
    expect(doc.families.map((f: Family) => f.index)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(doc.families[0]).toEqual(JSON.parse(JSON.stringify(pop.family(5))));
    expect(JSON.parse(populationToJson(pop, { from: 35, limit: 100 })).count).toBe(5);
    expect(JSON.parse(populationToJson(pop, { from: 100 })).families).toEqual([]);
  });

  it('is byte-identical across runs and equal to its chunks joined', () => {
    const text = populationToJson(createPopulation({ seed: 'json', families: 40 }));
    expect(text).toBe(populationToJson(pop));
    expect([...populationJsonChunks(pop)].join('')).toBe(text);
    expect(text.split('\n').length).toBe(40 + 3);
  });

  it('refuses a bad from or limit', () => {
    expect(() => populationToJson(pop, { from: -1 })).toThrow(DomainValidationError);
    expect(() => populationToJson(pop, { limit: 1.5 })).toThrow(DomainValidationError);
  });
});
