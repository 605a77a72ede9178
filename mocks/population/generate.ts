import type { Gender } from '../../src/domain/iin';
import type { PopulationConfig } from './config';
import names from './data/names.json';
import { ageOn, civil, dayNumber, dayOfIso, isoOfDay, plusYears } from './dates';
import { IdentityCodec, SLOTS } from './identity';
import { Rng, hashString } from './prng';
import { REGIONS, schoolOf, type RegionInfo, type School } from './reference';
import type {
  AssistancePeriod,
  BenefitAccount,
  Behaviour,
  Disability,
  Family,
  FamilyRole,
  GasAccount,
  HomeSchoolingOrder,
  IdentityDocument,
  LifeStatus,
  MealCategory,
  Person,
  PersonName,
  PupilRecord,
  Registration,
  Representative,
} from './types';

/** Everything the generator needs besides the family index; built once per population. */
export interface GeneratorContext {
  readonly seedHash: readonly number[];
  readonly config: PopulationConfig;
  readonly codec: IdentityCodec;
  readonly refDay: number;
  readonly regionWeights: readonly number[];
  readonly bankCodes: readonly string[];
  readonly bankWeights: readonly number[];
  /** First day of the school year of the reference date, as a day number, and its 'YYYY-YYYY' name. */
  readonly schoolYearStart: number;
  readonly schoolYear: string;
  school(regionIndex: number, number: number): School;
}

/** Builds the generator context of a seed and a resolved config. */
export function createContext(seed: string, config: PopulationConfig): GeneratorContext {
  const seedHash = hashString(`kz-proactive/population/${seed}`);
  const refDay = dayOfIso(config.referenceDate);
  const [ry, rm] = civil(refDay);
  const startYear = rm >= 9 ? ry : ry - 1;
  const schools = new Map<number, School>();
  return {
    seedHash,
    config,
    codec: new IdentityCodec(seedHash),
    refDay,
    regionWeights: REGIONS.map((r) => config.regions[r.code] ?? 0),
    bankCodes: Object.keys(config.banks),
    bankWeights: Object.values(config.banks),
    schoolYearStart: dayNumber(startYear, 9, 1),
    schoolYear: `${startYear}-${startYear + 1}`,
    school(regionIndex, number) {
      const key = regionIndex * 2000 + number;
      let s = schools.get(key);
      if (!s) {
        s = schoolOf(regionIndex, number, names.streets);
        schools.set(key, s);
      }
      return s;
    },
  };
}

const FIRST_CHILD_SLOT = 3;
const MAX_CHILDREN = SLOTS - FIRST_CHILD_SLOT;
/** Children are born in windows 18–21 (2008–2023); a parent is at least 5 windows (20 years) older. */
const CHILD_WINDOWS = [18, 19, 20, 21];
const GENERATION_GAP = 5;

const ALIVE: LifeStatus = Object.freeze({ code: 'ALIVE' });

const MALFORMED_REPLIES = ['3 1', '31', '3#', 'Иә', 'да', '#31', '3*1', 'ok', 'Келісемін', '1'];
const CLASS_LETTERS = ['А', 'Ә', 'Б', 'В', 'Г'];

function femaleSurname(surname: string): string {
  return `${surname}а`;
}

interface NameSource {
  readonly kazakh: boolean;
  readonly surname: string;
}

function firstNameOf(rng: Rng, kazakh: boolean, gender: Gender): string {
  if (kazakh) return rng.pick(gender === 'male' ? names.kazakh.male : names.kazakh.female);
  return gender === 'male' ? rng.pick(names.russian.male)[0]! : rng.pick(names.russian.female);
}

function patronymic(kazakh: boolean, fatherFirstName: string, gender: Gender): string {
  if (kazakh) return `${fatherFirstName}${gender === 'male' ? 'ұлы' : 'қызы'}`;
  const entry = names.russian.male.find((m) => m[0] === fatherFirstName);
  return entry
    ? entry[gender === 'male' ? 1 : 2]!
    : `${fatherFirstName}${gender === 'male' ? 'ович' : 'овна'}`;
}

function randomFatherName(rng: Rng, kazakh: boolean): string {
  return kazakh ? rng.pick(names.kazakh.male) : rng.pick(names.russian.male)[0]!;
}

function personName(
  src: NameSource,
  gender: Gender,
  first: string,
  fatherFirst: string | undefined,
): PersonName {
  const lastName = gender === 'male' ? src.surname : femaleSurname(src.surname);
  return fatherFirst === undefined
    ? { lastName, firstName: first }
    : { lastName, firstName: first, middleName: patronymic(src.kazakh, fatherFirst, gender) };
}

/** n random digits (n ≤ 9). */
function digits(rng: Rng, n: number): string {
  return String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
}

/** A uniformly drawn day in [lo, hi] (hi < lo gives lo). */
function dayBetween(rng: Rng, lo: number, hi: number): number {
  return hi <= lo ? lo : rng.int(lo, hi);
}

function firstOfMonth(day: number): number {
  const [y, m] = civil(day);
  return dayNumber(y, m, 1);
}

function addMonths(day: number, months: number): number {
  const [y, m, d] = civil(day);
  const total = y * 12 + (m - 1) + months;
  return dayNumber(Math.floor(total / 12), (total % 12) + 1, d);
}

function replyDelayMinutes(rng: Rng, c: PopulationConfig): number {
  const band = rng.weighted(c.behaviour.replyDelay);
  if (band === 'hour') return rng.int(1, 60);
  if (band === 'day') return rng.int(61, 24 * 60);
  return rng.int(24 * 60 + 1, 7 * 24 * 60);
}

/** Draws a behaviour; the draws are the same whatever the person, so a redraw under another key is independent. */
export function drawBehaviour(
  rng: Rng,
  ctx: GeneratorContext,
  code: number,
  heldBanks: readonly string[],
  nextOrdinal: number,
): Behaviour {
  const c = ctx.config;
  const b = c.behaviour;
  const reply = rng.weighted(b.reply);
  const delay = replyDelayMinutes(rng, c);
  const malformedText = rng.pick(MALFORMED_REPLIES);
  const thenConsents = rng.chance(b.malformedThenConsents);
  const choosesAnotherBank = rng.chance(b.choosesAnotherBank);
  const bankListChoice = rng.int(1, 3);
  const opens = rng.chance(b.opensAccount);
  const afterWorkingDays = 1 + rng.weightedIndex(b.opensAccountAfterWorkingDays);
  let bankCode = ctx.bankCodes[rng.weightedIndex(ctx.bankWeights)]!;
  if (heldBanks.includes(bankCode)) bankCode = ctx.bankCodes.find((x) => !heldBanks.includes(x)) ?? bankCode;
  const branch = rng.int(0, 999);
  const activates = rng.chance(b.activatesVoucher);
  const late = rng.chance(b.activatesLate);
  const activationDay = late ? rng.int(30, 31) : rng.int(7, 29);
  const mistyped = rng.chance(b.mistypesAccount);
  const office = rng.chance(b.providerOffice);
  const generatesMealQr = rng.chance(b.generatesMealQr);
  const behaviour = { reply } as Mutable<Behaviour>;
  if (reply !== 'ignore') behaviour.replyAfterMinutes = delay;
  if (reply === 'malformed') {
    behaviour.malformedText = malformedText;
    behaviour.thenConsents = thenConsents;
  }
  behaviour.choosesAnotherBank = choosesAnotherBank;
  behaviour.bankListChoice = bankListChoice;
  if (opens) {
    behaviour.opensAccount = {
      bankCode,
      afterWorkingDays,
      iban: ctx.codec.iban(code, nextOrdinal, bankCode, branch),
    };
  }
  behaviour.voucher = {
    activates,
    activationDay,
    typesAccount: mistyped ? 'mistyped' : 'right',
    channel: office ? 'provider-office' : 'egov-mobile',
  };
  behaviour.generatesMealQr = generatesMealQr;
  return behaviour;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Draft {
  slot: number;
  role: FamilyRole;
  gender: Gender;
  window: number;
}

function lifeStatusOf(rng: Rng, c: PopulationConfig, role: FamilyRole, refDay: number): LifeStatus {
  const r = rng.next();
  const sinceDay = refDay - rng.int(1, 5 * 365);
  const dead = c.lifeStatus.dead * (role === 'grandparent' ? 2 : 1);
  if (r < dead) return { code: 'DEAD', since: isoOfDay(sinceDay) };
  if (r < dead + c.lifeStatus.missing) return { code: 'MISSING', since: isoOfDay(sinceDay) };
  if (r < dead + c.lifeStatus.missing + c.lifeStatus.incapable)
    return { code: 'INCAPABLE', since: isoOfDay(sinceDay) };
  return ALIVE;
}

function identityDocument(
  rng: Rng,
  c: PopulationConfig,
  birthDay: number,
  refDay: number,
  stateless: boolean,
): IdentityDocument {
  const expired = rng.chance(c.expiredDocument);
  const earliest = plusYears(birthDay, 16);
  // A valid document was issued in the last 10 years; an expired one 10–13 years ago.
  const issue = expired
    ? dayBetween(rng, Math.max(earliest, refDay - 13 * 365), refDay - 10 * 365 - 5)
    : dayBetween(rng, Math.max(earliest, refDay - 10 * 365 + 5), refDay - 1);
  const expiry = plusYears(issue, 10) - 1;
  const number = digits(rng, 9);
  const type = stateless ? '004' : rng.chance(0.85) ? '002' : '001';
  return {
    type,
    number,
    issueDate: isoOfDay(issue),
    expiryDate: isoOfDay(expiry),
    status: expiry < refDay ? 'EXPIRED' : 'VALID',
  };
}

/** Representatives of the children: the mother first, then the father (seed 002 Annex 1 cl. 9), or the guardian. */
function representativesOf(
  adults: readonly Person[],
  basisNumber: string,
  basisDate: number,
): Representative[] {
  const mother = adults.find((m) => m.role === 'mother');
  const father = adults.find((m) => m.role === 'father');
  const guardian = adults.find((m) => m.role === 'guardian');
  if (guardian) {
    return [
      {
        iin: guardian.iin,
        role: 'guardian',
        contactPriority: 1,
        source: 'nobd',
        basis: {
          documentType: 'Қорғаншылық белгілеу туралы шешім / Решение об установлении опеки',
          documentNumber: basisNumber,
          documentDate: isoOfDay(basisDate),
        },
      },
    ];
  }
  const reps: Representative[] = [];
  if (mother) reps.push({ iin: mother.iin, role: 'mother', contactPriority: 1, source: 'gbdfl' });
  if (father)
    reps.push({ iin: father.iin, role: 'father', contactPriority: mother ? 2 : 1, source: 'gbdfl' });
  return reps;
}

/** Generates family `index` of the population; depends only on the context (seed, config) and the index. */
export function generateFamily(ctx: GeneratorContext, index: number): Family {
  const c = ctx.config;
  const rng = new Rng(ctx.seedHash, index);
  const refDay = ctx.refDay;
  const regionIndex = rng.weightedIndex(ctx.regionWeights);
  const region: RegionInfo = REGIONS[regionIndex]!;
  const kazakh = rng.chance(c.kazakhNames);

  // Structure.
  const childCount = Math.min(MAX_CHILDREN, rng.weightedIndex(c.family.children));
  const guardianFamily = childCount > 0 && rng.chance(c.family.guardian);
  const single = rng.chance(c.family.singleParent);
  const singleMother = rng.chance(c.family.singleMother);
  const withGrandparent = !guardianFamily && rng.chance(c.family.grandparent);
  const drafts: Draft[] = [];
  const childWindows: number[] = [];
  for (let i = 0; i < childCount; i++)
    childWindows.push(CHILD_WINDOWS[rng.int(0, CHILD_WINDOWS.length - 1)]!);
  const parentLimit = childCount > 0 ? Math.min(...childWindows) - GENERATION_GAP : rng.int(4, 16);
  const motherWindow = Math.max(0, parentLimit - (childCount > 0 ? rng.int(0, 2) : 0));
  const fatherWindow = Math.max(0, Math.min(parentLimit, motherWindow - rng.int(0, 1)));
  if (guardianFamily) {
    const w = Math.max(0, parentLimit - rng.int(0, 6));
    drafts.push({ slot: 2, role: 'guardian', gender: rng.chance(0.8) ? 'female' : 'male', window: w });
  } else {
    const hasFather = !single || !singleMother;
    const hasMother = !single || singleMother;
    if (hasFather) drafts.push({ slot: 0, role: 'father', gender: 'male', window: fatherWindow });
    if (hasMother) drafts.push({ slot: 1, role: 'mother', gender: 'female', window: motherWindow });
    const gpWindow = Math.min(fatherWindow, motherWindow) - GENERATION_GAP - rng.int(0, 2);
    const gpGender: Gender = rng.chance(0.6) ? 'female' : 'male';
    if (withGrandparent && gpWindow >= 0) {
      drafts.push({ slot: 2, role: 'grandparent', gender: gpGender, window: gpWindow });
    }
  }
  childWindows.forEach((w, i) => {
    drafts.push({
      slot: FIRST_CHILD_SLOT + i,
      role: 'child',
      gender: rng.chance(0.5) ? 'male' : 'female',
      window: w,
    });
  });

  // Names: the father's surname for the family; the children's patronymic from the father's first name.
  const surname = rng.pick(kazakh ? names.kazakh.surnames : names.russian.surnames);
  const motherKeepsOwn = rng.chance(0.3);
  const motherSurname = rng.pick(kazakh ? names.kazakh.surnames : names.russian.surnames);
  const fatherFirst = firstNameOf(rng, kazakh, 'male');
  const grandfatherFirst = randomFatherName(rng, kazakh);
  const absentFatherFirst = randomFatherName(rng, kazakh);
  const familySrc: NameSource = { kazakh, surname };

  // Address.
  const street = rng.pick(names.streets);
  const building = String(rng.int(1, 250));
  const flat = rng.chance(0.7) ? String(rng.int(1, 180)) : undefined;
  const address = `${region.cityKz}, ${street}, ${building}-үй${flat ? `, ${flat}-пәтер` : ''}`;
  const familyRegisteredOn = dayBetween(rng, refDay - 25 * 365, refDay - 30);

  // Assistance (ASP and housing), each a period of 6 or 12 months.
  const assistance: AssistancePeriod[] = [];
  for (const type of ['asp', 'housing'] as const) {
    const assigned = rng.chance(type === 'asp' ? c.assistance.asp : c.assistance.housing);
    const ended = rng.chance(c.assistance.ended);
    const months = rng.chance(0.5) ? 6 : 12;
    const startBack = rng.int(0, months - 1);
    const open = rng.chance(0.1);
    if (!assigned) continue;
    const refMonthStart = firstOfMonth(refDay);
    const from = ended
      ? addMonths(refMonthStart, -(months + 1 + startBack))
      : addMonths(refMonthStart, -startBack);
    const to = addMonths(from, months) - 1;
    assistance.push({ type, periodFrom: isoOfDay(from), periodTo: open && !ended ? null : isoOfDay(to) });
  }
  const refIso = isoOfDay(refDay);
  const activeOnRef = (type: 'asp' | 'housing'): boolean =>
    assistance.some(
      (a) => a.type === type && a.periodFrom <= refIso && (a.periodTo === null || a.periodTo >= refIso),
    );
  const lowIncome = !activeOnRef('asp') && rng.chance(c.assistance.lowIncomeWithoutAsp);

  const pupilSchool = rng.int(1, c.schoolsPerRegion);
  const classLetter = rng.pick(CLASS_LETTERS);

  // People.
  const members: Person[] = [];
  const adults: Person[] = [];
  const personDrafts = drafts.sort((a, b) => a.slot - b.slot);
  const basisNumber = digits(rng, 6);
  const basisDate = dayBetween(rng, refDay - 5 * 365, refDay - 30);
  let representatives: Representative[] | undefined;
  for (const d of personDrafts) {
    const code = index * SLOTS + d.slot;
    const { iin, birthDay } = ctx.codec.iin(code, d.window, d.gender);
    const adult = d.role !== 'child';
    let name: PersonName;
    if (d.role === 'father') name = personName(familySrc, 'male', fatherFirst, grandfatherFirst);
    else if (d.role === 'mother') {
      const src = motherKeepsOwn ? { kazakh, surname: motherSurname } : familySrc;
      name = personName(src, 'female', firstNameOf(rng, kazakh, 'female'), randomFatherName(rng, kazakh));
    } else if (d.role === 'grandparent') {
      const first = d.gender === 'male' ? grandfatherFirst : firstNameOf(rng, kazakh, 'female');
      name = personName(familySrc, d.gender, first, randomFatherName(rng, kazakh));
    } else if (d.role === 'guardian') {
      name = personName(
        { kazakh, surname: motherSurname },
        d.gender,
        firstNameOf(rng, kazakh, d.gender),
        randomFatherName(rng, kazakh),
      );
    } else {
      const hasFather = personDrafts.some((p) => p.role === 'father');
      const father = hasFather ? fatherFirst : absentFatherFirst;
      const src =
        hasFather || guardianFamily
          ? familySrc
          : { kazakh, surname: motherKeepsOwn ? motherSurname : surname };
      name = personName(src, d.gender, firstNameOf(rng, kazakh, d.gender), father);
    }
    if (rng.chance(0.03)) name = { lastName: name.lastName, firstName: name.firstName };

    const lifeStatus: LifeStatus = adult ? lifeStatusOf(rng, c, d.role, refDay) : ALIVE;
    const stateless = adult && rng.chance(c.noCitizenship);
    const unregistered = adult && rng.chance(c.noRegistration);
    const registeredOn = Math.max(birthDay, familyRegisteredOn);
    let registration: Mutable<Registration> | undefined;
    if (!unregistered) {
      const r = { regionCode: region.code, kato: region.kato, street, building } as Mutable<Registration>;
      if (flat) r.flat = flat;
      r.registeredOn = isoOfDay(registeredOn);
      r.text = address;
      registration = r;
    }
    const age = ageOn(birthDay, refDay);
    const documents = age >= 16 ? [identityDocument(rng, c, birthDay, refDay, stateless)] : [];
    const birthCertificate = adult
      ? undefined
      : {
          certificateNumber: digits(rng, 7),
          issueDate: isoOfDay(birthDay + rng.int(3, 40)),
          actRecordNumber: String(rng.int(1, 9999)),
        };
    const hasPhone = adult && rng.chance(c.adultHasPhone) && lifeStatus.code !== 'DEAD';
    const phoneRegistered = dayBetween(
      rng,
      Math.max(plusYears(birthDay, 18), dayNumber(2008, 1, 1)),
      refDay - 1,
    );

    // Disability, pupil record, home schooling.
    let disability: Disability | undefined;
    let pupil: PupilRecord | undefined;
    let homeSchooling: HomeSchoolingOrder | undefined;
    const disabled = rng.chance(adult ? c.disability.adult : c.disability.child);
    const disabilityStart = dayBetween(rng, birthDay + 365, refDay - 60);
    const disabilityYears = rng.int(1, 5);
    const group = (1 + rng.weightedIndex([2, 5, 3])) as 1 | 2 | 3;
    const grade = civil(ctx.schoolYearStart)[0] - civil(birthDay)[0] - 6;
    const isPupil = !adult && grade >= 0 && grade <= 11;
    const homeSchooled = rng.chance(c.disability.homeSchooled);
    const orderRegistered = dayBetween(rng, ctx.schoolYearStart - 10, ctx.schoolYearStart + 240);
    const orderBack = rng.int(0, 3);
    const vkkBack = rng.int(5, 30);
    const periodDelay = rng.int(0, 7);
    const ended = rng.chance(c.disability.homeSchoolingEnded);
    const endedAfter = rng.int(20, 200);
    const orderNo = rng.int(1, 999);
    const vkkNo = digits(rng, 5);
    if (disabled) {
      const start = Math.min(
        disabilityStart,
        isPupil && homeSchooled ? orderRegistered - orderBack - vkkBack - 30 : disabilityStart,
      );
      const startDay = Math.max(birthDay + 30, start);
      const startAge = ageOn(birthDay, startDay);
      const endDay = adult ? addMonths(startDay, 12 * disabilityYears) : plusYears(birthDay, 18);
      disability = {
        recordId: `MSE-${region.code}-${String(code).padStart(8, '0')}`,
        category: adult && startAge >= 18 ? 'ADULT' : startAge < 7 ? 'CHILD_UNDER_7' : 'CHILD_7_TO_18',
        ...(adult && startAge >= 18 ? { group } : {}),
        cause: adult ? (startAge >= 18 ? 'GENERAL_DISEASE' : 'FROM_CHILDHOOD') : 'FROM_CHILDHOOD',
        startDate: isoOfDay(startDay),
        ...(group === 1 && adult ? {} : { endDate: isoOfDay(endDay) }),
        expertiseDate: isoOfDay(startDay),
      };
    }
    if (isPupil) {
      const school = ctx.school(regionIndex, pupilSchool);
      const category: MealCategory | null = guardianFamily
        ? '3'
        : activeOnRef('asp')
          ? '1'
          : lowIncome
            ? '2'
            : null;
      pupil = {
        schoolId: school.schoolId,
        schoolBin: school.bin,
        grade,
        classLetter,
        studyLanguage: kazakh ? 'kk' : 'ru',
        mealCategory: category,
        schoolYear: ctx.schoolYear,
      };
      if (disabled && homeSchooled && grade >= 1) {
        const orderDate = orderRegistered - orderBack;
        const periodFrom = orderDate + periodDelay;
        const periodTo = dayNumber(civil(ctx.schoolYearStart)[0] + 1, 5, 25);
        const endedOn = ended && periodFrom + endedAfter < periodTo ? periodFrom + endedAfter : undefined;
        homeSchooling = {
          orderId: `HSO-${region.code}-${String(code).padStart(8, '0')}`,
          childIin: iin,
          schoolId: school.schoolId,
          grade,
          orderNumber: `${orderNo}-ж`,
          orderDate: isoOfDay(orderDate),
          periodFrom: isoOfDay(periodFrom),
          periodTo: isoOfDay(Math.max(periodTo, periodFrom + 30)),
          vkkConclusionNumber: `ВКК-${civil(orderDate)[0]}-${vkkNo}`,
          vkkConclusionDate: isoOfDay(orderDate - vkkBack),
          registeredOn: isoOfDay(orderRegistered),
          ...(endedOn === undefined ? {} : { endedOn: isoOfDay(endedOn) }),
        };
      }
    }

    // Benefit accounts of adults: none, one bank or several.
    const accounts: BenefitAccount[] = [];
    const kind = rng.weighted(c.benefitAccounts);
    const bankCount = kind === 'none' ? 0 : kind === 'one' ? 1 : rng.int(2, 3);
    for (let k = 0; adult && k < bankCount; k++) {
      let bank = ctx.bankCodes[rng.weightedIndex(ctx.bankWeights)]!;
      if (accounts.some((a) => a.bankCode === bank))
        bank = ctx.bankCodes.find((b) => !accounts.some((a) => a.bankCode === b)) ?? bank;
      if (accounts.some((a) => a.bankCode === bank)) break;
      const opened = dayBetween(rng, Math.max(plusYears(birthDay, 18), dayNumber(2012, 1, 1)), refDay - 1);
      accounts.push({
        bankCode: bank,
        iban: ctx.codec.iban(code, k + 1, bank, rng.int(0, 999)),
        openedOn: isoOfDay(opened),
        status: rng.chance(c.blockedAccount) ? 'blocked' : 'open',
      });
    }

    const behaviour = adult
      ? drawBehaviour(
          rng,
          ctx,
          code,
          accounts.map((a) => a.bankCode),
          accounts.length + 1,
        )
      : undefined;

    // Built field by field: conditional spreads are several times slower, and a million families add up.
    const person = {
      iin,
      familyIndex: index,
      slot: d.slot,
      role: d.role,
      name,
      birthDate: isoOfDay(birthDay),
      gender: d.gender,
      lifeStatus,
      citizenship: stateless ? '000' : '398',
    } as Mutable<Person>;
    if (registration) person.registration = registration;
    person.identityDocuments = documents;
    if (birthCertificate) person.birthCertificate = birthCertificate;
    if (hasPhone) person.phone = { phone: ctx.codec.phone(code), registeredAt: isoOfDay(phoneRegistered) };
    if (disability) person.disability = disability;
    if (pupil) person.pupil = pupil;
    if (homeSchooling) person.homeSchooling = homeSchooling;
    person.benefitAccounts = accounts;
    if (behaviour) person.behaviour = behaviour;
    // Adults take slots 0–2, so they are all in `members` when the first child comes.
    if (!adult)
      person.representatives = representatives ??= representativesOf(members, basisNumber, basisDate);
    members.push(person);
    if (adult) adults.push(person);
  }

  const mother = members.find((m) => m.role === 'mother');
  const father = members.find((m) => m.role === 'father');
  const guardian = members.find((m) => m.role === 'guardian');

  // The applicant of assistance and the gas account of the household.
  const applicant = mother ?? father ?? guardian ?? adults[0];
  const pilot = region.gasPilot;
  const hasGas = rng.chance(pilot ? c.gas.accountInPilot : c.gas.accountElsewhere);
  const statusRoll = rng.next();
  const hasMeter = rng.chance(c.gas.hasMeter);
  const meterNumber = digits(rng, 8);
  const usageFactor = rng.int(50, 150) / 100;
  const typoPos = rng.int(2, 9);
  const typoShift = rng.int(1, 9);
  let gasAccount: GasAccount | undefined;
  if (hasGas && applicant) {
    const accountNumber = ctx.codec.gasAccount(index, region.code);
    const typoDigit = (Number(accountNumber[typoPos]) + typoShift) % 10;
    const mistypedNumber = `${accountNumber.slice(0, typoPos)}${typoDigit}${accountNumber.slice(typoPos + 1)}`;
    gasAccount = {
      accountNumber,
      holderIin: applicant.iin,
      regionCode: region.code,
      addressText: address,
      kato: region.kato,
      consumerGroup: activeOnRef('asp') || activeOnRef('housing') ? '9' : '1',
      status:
        statusRoll < c.gas.closed
          ? 'closed'
          : statusRoll < c.gas.closed + c.gas.suspended
            ? 'suspended'
            : 'active',
      hasMeter,
      ...(hasMeter ? { meterNumber: `GM${meterNumber}` } : {}),
      usageFactor,
      mistypedNumber,
    };
  }

  return {
    index,
    familyId: `dfc-fam-${String(index + 1).padStart(7, '0')}`,
    regionCode: region.code,
    language: kazakh ? 'kk' : 'ru',
    address,
    members,
    assistance,
    ...(applicant && assistance.length > 0 ? { applicantIin: applicant.iin } : {}),
    lowIncome,
    ...(gasAccount ? { gasAccount } : {}),
  };
}
