import type { Gender } from '../../src/domain/iin';
import type { GasTariff, School } from './reference';

/** Full name, тегі / аты / әкесінің аты (PersonName of contracts/common). */
export interface PersonName {
  readonly lastName: string;
  readonly firstName: string;
  /** Patronymic: -ұлы / -қызы, -ович / -овна; absent for some people. */
  readonly middleName?: string;
}

/** A person's role in the family. */
export type FamilyRole = 'father' | 'mother' | 'child' | 'grandparent' | 'guardian';

/** GBD FL life status (seed 003 cl. 7 excludes DEAD, MISSING and INCAPABLE). */
export type LifeStatusCode = 'ALIVE' | 'DEAD' | 'MISSING' | 'INCAPABLE';

/** Life status with the date of the record behind a status other than ALIVE. */
export interface LifeStatus {
  readonly code: LifeStatusCode;
  readonly since?: string;
}

/** Permanent registration in Kazakhstan (GBD FL RegistrationAddress). */
export interface Registration {
  /** Two-digit KATO prefix of the region. */
  readonly regionCode: string;
  /** Nine-digit KATO code of the locality. */
  readonly kato: string;
  readonly street: string;
  readonly building: string;
  readonly flat?: string;
  readonly registeredOn: string;
  /** The address as one line. */
  readonly text: string;
}

/** An identity document (GBD FL IdentityDocument): 001 passport, 002 ID card, 004 stateless person's certificate. */
export interface IdentityDocument {
  readonly type: '001' | '002' | '004';
  readonly number: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  /** EXPIRED when expiryDate is before the population's reference date. */
  readonly status: 'VALID' | 'EXPIRED';
}

/** A birth certificate of a child (GBD FL GetBirthCertificate). */
export interface BirthCertificate {
  readonly certificateNumber: string;
  readonly issueDate: string;
  readonly actRecordNumber: string;
}

/** A disability record (MODB). */
export interface Disability {
  readonly recordId: string;
  /** 'CHILD_UNDER_7' | 'CHILD_7_TO_18' | 'ADULT' by age on the start date. */
  readonly category: 'ADULT' | 'CHILD_UNDER_7' | 'CHILD_7_TO_18';
  /** Disability group 1–3 for adults; absent for children. */
  readonly group?: 1 | 2 | 3;
  readonly cause: 'GENERAL_DISEASE' | 'FROM_CHILDHOOD' | 'WORK_INJURY' | 'OTHER';
  readonly startDate: string;
  /** Absent when set without a term. */
  readonly endDate?: string;
  readonly expertiseDate: string;
}

/** A pupil's meal category (seed 002 Annex 1 cl. 5): 1 ASP family, 2 low income without ASP, 3 orphan or without parental care. */
export type MealCategory = '1' | '2' | '3';

/** A pupil's school record (NOBD Pupil). */
export interface PupilRecord {
  readonly schoolId: string;
  readonly schoolBin: string;
  /** 0 is the pre-school class. */
  readonly grade: number;
  readonly classLetter: string;
  readonly studyLanguage: 'kk' | 'ru';
  /** Null when the pupil is in no category. */
  readonly mealCategory: MealCategory | null;
  /** A school year 'YYYY-YYYY' of the reference date. */
  readonly schoolYear: string;
}

/** An order accepting a child for free individual home schooling (NOBD HomeSchoolingOrder, seed 003 cl. 4). */
export interface HomeSchoolingOrder {
  readonly orderId: string;
  readonly childIin: string;
  readonly schoolId: string;
  readonly grade: number;
  readonly orderNumber: string;
  readonly orderDate: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly vkkConclusionNumber: string;
  readonly vkkConclusionDate: string;
  /** The day the order entered NOBD's daily list (cl. 4). */
  readonly registeredOn: string;
  /** Set when home schooling ended before periodTo (cl. 14). */
  readonly endedOn?: string;
}

/** A parent or legal representative of a child. */
export interface Representative {
  readonly iin: string;
  readonly role: 'mother' | 'father' | 'guardian';
  /** 1 is asked first (seed 002 Annex 1 cl. 9: the mother, then the father). */
  readonly contactPriority: number;
  /** Where the relation is recorded: GBD FL kinship for parents, NOBD for a guardian (seed 003 cl. 7). */
  readonly source: 'gbdfl' | 'nobd';
  /** The document that makes a guardian a representative. */
  readonly basis?: {
    readonly documentType: string;
    readonly documentNumber: string;
    readonly documentDate: string;
  };
}

/** A special bank account for benefits (banks BenefitAccount). */
export interface BenefitAccount {
  /** Three-digit bank code, a key of BANKS. */
  readonly bankCode: string;
  readonly iban: string;
  readonly openedOn: string;
  /** A blocked account is not offered to the person. */
  readonly status: 'open' | 'blocked';
}

/** A phone registered in MAB (the MAB mock's PhonePopulation). */
export interface MabPhoneRecord {
  /** `+77XXXXXXXXX`, unique in the population. */
  readonly phone: string;
  readonly registeredAt?: string;
}

/** How a person answers a consent SMS. */
export type ReplyKind = 'consent' | 'refuse' | 'ignore' | 'reminderOnly' | 'malformed';

/** A simulated citizen's behaviour; the mocks replay it at virtual times. */
export interface Behaviour {
  /**
   * consent — replies the consent code to the first SMS; refuse — replies the refusal code; ignore — never
   * replies; reminderOnly — ignores the first SMS and consents after the reminder; malformed — replies a text
   * that is no code (`malformedText`), then maybe the consent code (`thenConsents`).
   */
  readonly reply: ReplyKind;
  /** Minutes after the SMS it answers (the reminder for reminderOnly) until the reply; absent for ignore. */
  readonly replyAfterMinutes?: number;
  readonly malformedText?: string;
  /** After a malformed reply, consents `replyAfterMinutes` later again. */
  readonly thenConsents?: boolean;
  /** Home schooling, SMS form 1: answers "choose another bank" (`{code}#3#0`) instead of agreeing. */
  readonly choosesAnotherBank: boolean;
  /** Home schooling, SMS form 2: the 1-based position in the bank list the person picks (capped by the list). */
  readonly bankListChoice: number;
  /**
   * Home schooling, SMS form 3: opens a special account in `bankCode` `afterWorkingDays` working days after the
   * form was sent (seed 003 cl. 10 watches 3 working days, so 4 and 5 are too late). Absent: opens none.
   */
  readonly opensAccount?: {
    readonly bankCode: string;
    readonly afterWorkingDays: number;
    readonly iban: string;
  };
  /** Gas voucher (seed 000 cl. 24–30): whether and when the recipient activates. */
  readonly voucher: {
    readonly activates: boolean;
    /** Day of the month of the first attempt; days after the window are attempts the Wallet must refuse. */
    readonly activationDay: number;
    /** The personal account numbers the person types, in order: a typo first when mistyped (cl. 28). */
    readonly typesAccount: 'right' | 'mistyped';
    readonly channel: 'egov-mobile' | 'provider-office';
  };
  /** School meals: the parent generates dynamic QRs for the pupil (seed 002 Annex 2 cl. 8). */
  readonly generatesMealQr: boolean;
}

/** A member of a family. */
export interface Person {
  readonly iin: string;
  readonly familyIndex: number;
  /** Position 0–7 in the family, encoded (with the family index) in the IIN. */
  readonly slot: number;
  readonly role: FamilyRole;
  readonly name: PersonName;
  readonly birthDate: string;
  readonly gender: Gender;
  readonly lifeStatus: LifeStatus;
  /** ISO 3166-1 numeric: '398' Kazakhstan, '000' none (seed 003 cl. 7 excludes). */
  readonly citizenship: '398' | '000';
  /** Absent when the person has no permanent registration in Kazakhstan (seed 003 cl. 7 excludes). */
  readonly registration?: Registration;
  readonly identityDocuments: readonly IdentityDocument[];
  readonly birthCertificate?: BirthCertificate;
  /** Absent: no phone in MAB. */
  readonly phone?: MabPhoneRecord;
  readonly disability?: Disability;
  readonly pupil?: PupilRecord;
  readonly homeSchooling?: HomeSchoolingOrder;
  /** For a child: parents or guardian, ordered by contactPriority. */
  readonly representatives?: readonly Representative[];
  /** Special accounts for benefits, in no bank, one or several. */
  readonly benefitAccounts: readonly BenefitAccount[];
  /** Present for adults (the people the services write to). */
  readonly behaviour?: Behaviour;
}

/** ASP or housing assistance assigned for a period. */
export interface AssistancePeriod {
  readonly type: 'asp' | 'housing';
  readonly periodFrom: string;
  /** Null when open. */
  readonly periodTo: string | null;
}

/** A gas personal account of the family's household (billing PersonalAccount). */
export interface GasAccount {
  /** 11 digits: KATO prefix, 8 digits, a Luhn check digit. */
  readonly accountNumber: string;
  readonly holderIin: string;
  readonly regionCode: string;
  readonly addressText: string;
  readonly kato: string;
  /** '9' when the household receives ASP/housing assistance as of the reference date, else '1'. */
  readonly consumerGroup: '1' | '9';
  readonly status: 'active' | 'suspended' | 'closed';
  readonly hasMeter: boolean;
  readonly meterNumber?: string;
  /** Multiplier of the regional norm that drives this household's consumption. */
  readonly usageFactor: number;
  /** A typo of the number (one digit changed) that no account has: what a `mistyped` recipient enters first. */
  readonly mistypedNumber: string;
}

/** A family: a household with one registration address, the unit of the Digital Family Card. */
export interface Family {
  readonly index: number;
  /** DFC family card id, 'dfc-fam-0000042'. */
  readonly familyId: string;
  readonly regionCode: string;
  readonly language: 'kk' | 'ru';
  readonly address: string;
  readonly members: readonly Person[];
  /** ASP and housing-assistance periods of the family. */
  readonly assistance: readonly AssistancePeriod[];
  /** The member in whose name ASP/housing assistance is assigned, the potential gas-voucher recipient. */
  readonly applicantIin?: string;
  /** Per-capita income below the subsistence minimum without ASP (meal category 2). */
  readonly lowIncome: boolean;
  readonly gasAccount?: GasAccount;
}

/** A potential gas-voucher recipient of a month (seed 000 cl. 2.2, seed 001). */
export interface GasRecipient {
  readonly person: Person;
  readonly family: Family;
  readonly assistance: readonly AssistancePeriod[];
  readonly gasAccount?: GasAccount;
}

/** The billing view of a personal account in a month. */
export interface GasAccountMonth {
  readonly account: GasAccount;
  readonly family: Family;
  readonly tariff: GasTariff;
  readonly normLitres: number;
  readonly consumedLitres: number;
}

export type { GasTariff, School };
