import type { components, operations } from '../../contracts/eotinish/openapi';

/** Wire types of the e-Otinish contract (generated) and their domain counterparts; pure functions between them. */

type S = components['schemas'];
/** Body of `fileComplaint` on the wire. */
export type EotinishComplaintRequestWire = S['ComplaintRequest'];
/** A complaint on the wire (`fileComplaint` 201, `getComplaint` 200, `withdrawComplaint` 200). */
export type EotinishComplaintWire = S['Complaint'];
/** Answer of `listComplaints` on the wire. */
export type EotinishComplaintPageWire = S['ComplaintPage'];
/** Body of `withdrawComplaint` on the wire. */
export type EotinishWithdrawalRequestWire = S['WithdrawalRequest'];
/** Query of `listComplaints` on the wire. */
export type EotinishListComplaintsQueryWire = NonNullable<
  operations['listComplaints']['parameters']['query']
>;

/** Who the applicant is to the pupil (seed 002 Annex 2 cl. 2.3: parents and other legal representatives). */
export type EotinishApplicantRole = S['ApplicantRole'];
/** What a complaint is about, all about the service in the school canteen (seed 002 Annex 2 cl. 12). */
export type EotinishComplaintTopic = S['ComplaintTopic'];
/** Status code of a complaint: registered, forwarded, in-review, answered, left-without-consideration, withdrawn. */
export type EotinishComplaintStatusCode = S['ComplaintStatusCode'];
/** Outcome of the authorised body's answer. */
export type EotinishAnswerOutcome = NonNullable<S['Answer']>['outcome'];
/** How the applicant wants the answer: in the eGov personal cabinet and the Wallet, or an SMS notice. */
export type EotinishAnswerChannel = S['ComplaintRequest']['answerChannel'];
/** Language of the answer. */
export type EotinishLanguage = S['ComplaintRequest']['language'];
/** Media type of an attachment: photos and PDF only. */
export type EotinishAttachmentMediaType = S['Attachment']['mediaType'];

/** The enumerations of the contract, for input checks. */
export const EOTINISH_APPLICANT_ROLES: readonly EotinishApplicantRole[] = [
  'mother',
  'father',
  'guardian',
  'trustee',
  'adoptive-parent',
  'foster-carer',
  'other-legal-representative',
];
export const EOTINISH_TOPICS: readonly EotinishComplaintTopic[] = [
  'service-quality',
  'food-quality',
  'meal-not-served',
  'identification-failed',
  'hygiene',
  'staff-conduct',
  'other',
];
export const EOTINISH_STATUS_CODES: readonly EotinishComplaintStatusCode[] = [
  'registered',
  'forwarded',
  'in-review',
  'answered',
  'left-without-consideration',
  'withdrawn',
];
export const EOTINISH_ANSWER_CHANNELS: readonly EotinishAnswerChannel[] = ['egov-personal-cabinet', 'sms'];
export const EOTINISH_LANGUAGES: readonly EotinishLanguage[] = ['kk', 'ru'];
export const EOTINISH_ATTACHMENT_MEDIA_TYPES: readonly EotinishAttachmentMediaType[] = [
  'image/jpeg',
  'image/png',
  'application/pdf',
];

/** A coded value: `{ code, nameKz, nameRu }`. */
export interface EotinishCodedValue<C extends string = string> {
  readonly code: C;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** Full name (тегі / аты / әкесінің аты). */
export interface EotinishPersonName {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
}

/** The general school of the pupil. */
export interface EotinishSchool {
  readonly bin: string;
  /** Identifier of the school in NOBD, e.g. `SCH-79-0045`. */
  readonly nobdSchoolId?: string;
  readonly nameKz: string;
  readonly nameRu: string;
  /** Region of the school, coded by its two-digit KATO prefix (`79` Shymkent). */
  readonly region?: EotinishCodedValue;
}

/** An authorised body (уәкілетті орган / уполномоченный орган) that considers complaints. */
export interface EotinishOrganisation {
  readonly bin: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** A file attached by the applicant (a photo of the meal), stored by the Wallet. */
export interface EotinishAttachment {
  readonly fileName: string;
  readonly mediaType: EotinishAttachmentMediaType;
  /** 1 byte to 10 MiB. */
  readonly sizeBytes: number;
  /** A signed, short-lived http(s) URL of the Wallet where e-Otinish fetches the file. */
  readonly url: string;
}

/** A complaint the Wallet files on the parent's behalf (seed 002 Annex 2 cl. 12). */
export interface EotinishComplaintToFile {
  /** The Wallet's own identifier of the complaint (1–64 characters), unique in the Wallet. */
  readonly sourceRef: string;
  readonly applicantIin: string;
  readonly applicantName: EotinishPersonName;
  /** Phone for the answer notice; any format `normalizeKzPhone` accepts, sent as `+77XXXXXXXXX`. */
  readonly applicantPhone?: string;
  readonly applicantRole: EotinishApplicantRole;
  readonly pupilIin: string;
  readonly pupilName?: EotinishPersonName;
  readonly school: EotinishSchool;
  /** The authorised body to address; absent: e-Otinish routes by the school's region. */
  readonly addressee?: EotinishOrganisation;
  readonly voucherId?: string;
  readonly mealId?: string;
  /** Day of the meal, `YYYY-MM-DD`. */
  readonly mealDate?: string;
  readonly topic: EotinishComplaintTopic;
  /** The text as the applicant wrote it (1–4000 characters). */
  readonly text: string;
  /** The applicant's rating of the canteen service, 1 (worst) to 5 (best); absent or null when not given. */
  readonly rating?: number | null;
  /** Default `egov-personal-cabinet`. */
  readonly answerChannel?: EotinishAnswerChannel;
  /** Default `kk`. */
  readonly language?: EotinishLanguage;
  /** When the parent submitted it in the Wallet (RFC 3339 with offset). */
  readonly submittedAt: string;
  /** At most 5. */
  readonly attachments?: readonly EotinishAttachment[];
}

/** One entry of a complaint's status history. */
export interface EotinishStatusChange {
  readonly status: EotinishComplaintStatusCode;
  readonly at: string;
  /** Note of the officer; null when there is none. */
  readonly comment: string | null;
}

/** The answer of the authorised body. */
export interface EotinishAnswer {
  readonly answeredAt: string;
  readonly outcome: EotinishAnswerOutcome;
  readonly text: string;
  readonly answeredBy: EotinishOrganisation;
}

/** A registered complaint with its status. Instants are RFC 3339 strings; absent optional values are null. */
export interface EotinishComplaint {
  readonly complaintId: string;
  /** Registration number shown to the applicant, e.g. `ЖТ-2025-0048213`. */
  readonly registrationNumber: string;
  readonly status: EotinishCodedValue<EotinishComplaintStatusCode>;
  readonly registeredAt: string;
  /** Deadline of the answer, `YYYY-MM-DD`, set by e-Otinish. */
  readonly dueDate: string;
  readonly sourceRef: string;
  readonly applicantIin: string;
  readonly applicantName: EotinishPersonName | null;
  readonly applicantRole: EotinishApplicantRole;
  readonly pupilIin: string;
  readonly pupilName: EotinishPersonName | null;
  readonly school: EotinishSchool;
  readonly voucherId: string | null;
  readonly mealId: string | null;
  readonly mealDate: string | null;
  readonly topic: EotinishComplaintTopic;
  readonly text: string;
  readonly rating: number | null;
  /** The authorised body the complaint was routed to. */
  readonly addressee: EotinishOrganisation;
  /** Status changes, oldest first. */
  readonly history: readonly EotinishStatusChange[];
  /** Null until answered. */
  readonly answer: EotinishAnswer | null;
}

/** The applicant's withdrawal of a complaint. */
export interface EotinishWithdrawal {
  /** Must be the complaint's applicant. */
  readonly applicantIin: string;
  /** RFC 3339 with offset. */
  readonly withdrawnAt: string;
  /** At most 1000 characters. */
  readonly reason?: string;
}

/** Which complaints to list; every key optional. */
export interface EotinishComplaintFilter {
  readonly applicantIin?: string;
  readonly pupilIin?: string;
  readonly schoolBin?: string;
  readonly status?: EotinishComplaintStatusCode;
  readonly sourceRef?: string;
  readonly cursor?: string;
  /** 1–1000 (service default 100). */
  readonly limit?: number;
}

/** A page of complaints, newest first. */
export interface EotinishComplaintPage {
  readonly complaints: readonly EotinishComplaint[];
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

function personName(n: EotinishPersonName): EotinishPersonName {
  return n.middleName === undefined
    ? { lastName: n.lastName, firstName: n.firstName }
    : { lastName: n.lastName, firstName: n.firstName, middleName: n.middleName };
}

function organisation(o: EotinishOrganisation): EotinishOrganisation {
  return { bin: o.bin, nameKz: o.nameKz, nameRu: o.nameRu };
}

function school(s: EotinishSchool): EotinishSchool {
  return {
    bin: s.bin,
    ...(s.nobdSchoolId === undefined ? {} : { nobdSchoolId: s.nobdSchoolId }),
    nameKz: s.nameKz,
    nameRu: s.nameRu,
    ...(s.region === undefined
      ? {}
      : { region: { code: s.region.code, nameKz: s.region.nameKz, nameRu: s.region.nameRu } }),
  };
}

/** The body of a `fileComplaint` call (the phone already normalised); the Wallet is always the source system. */
export function toComplaintRequest(c: EotinishComplaintToFile, phone?: string): EotinishComplaintRequestWire {
  const wire: EotinishComplaintRequestWire = {
    sourceSystem: 'wallet',
    sourceRef: c.sourceRef,
    applicantIin: c.applicantIin,
    applicantName: personName(c.applicantName),
    applicantRole: c.applicantRole,
    pupilIin: c.pupilIin,
    school: school(c.school),
    topic: c.topic,
    text: c.text,
    answerChannel: c.answerChannel ?? 'egov-personal-cabinet',
    language: c.language ?? 'kk',
    submittedAt: c.submittedAt,
  };
  if (phone !== undefined) wire.applicantPhone = phone;
  if (c.pupilName !== undefined) wire.pupilName = personName(c.pupilName);
  if (c.addressee !== undefined) wire.addressee = organisation(c.addressee);
  if (c.voucherId !== undefined) wire.voucherId = c.voucherId;
  if (c.mealId !== undefined) wire.mealId = c.mealId;
  if (c.mealDate !== undefined) wire.mealDate = c.mealDate;
  if (c.rating !== undefined) wire.rating = c.rating;
  if (c.attachments !== undefined)
    wire.attachments = c.attachments.map((a) => ({
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      url: a.url,
    }));
  return wire;
}

/** A complaint as the domain sees it. */
export function toEotinishComplaint(w: EotinishComplaintWire): EotinishComplaint {
  const answer = w.answer ?? null;
  return {
    complaintId: w.complaintId,
    registrationNumber: w.registrationNumber,
    status: { code: w.status.code, nameKz: w.status.nameKz, nameRu: w.status.nameRu },
    registeredAt: w.registeredAt,
    dueDate: w.dueDate,
    sourceRef: w.sourceRef,
    applicantIin: w.applicantIin,
    applicantName: w.applicantName === undefined ? null : personName(w.applicantName),
    applicantRole: w.applicantRole,
    pupilIin: w.pupilIin,
    pupilName: w.pupilName === undefined ? null : personName(w.pupilName),
    school: school(w.school),
    voucherId: w.voucherId ?? null,
    mealId: w.mealId ?? null,
    mealDate: w.mealDate ?? null,
    topic: w.topic,
    text: w.text,
    rating: w.rating ?? null,
    addressee: organisation(w.addressee),
    history: w.history.map((h) => ({ status: h.status, at: h.at, comment: h.comment ?? null })),
    answer:
      answer === null
        ? null
        : {
            answeredAt: answer.answeredAt,
            outcome: answer.outcome,
            text: answer.text,
            answeredBy: organisation(answer.answeredBy),
          },
  };
}

/** The body of a `withdrawComplaint` call. */
export function toWithdrawalRequest(w: EotinishWithdrawal): EotinishWithdrawalRequestWire {
  return {
    applicantIin: w.applicantIin,
    withdrawnAt: w.withdrawnAt,
    ...(w.reason === undefined ? {} : { reason: w.reason }),
  };
}

/** The query of a `listComplaints` call. */
export function toListComplaintsQuery(f: EotinishComplaintFilter): EotinishListComplaintsQueryWire {
  const q: EotinishListComplaintsQueryWire = {};
  if (f.applicantIin !== undefined) q.applicantIin = f.applicantIin;
  if (f.pupilIin !== undefined) q.pupilIin = f.pupilIin;
  if (f.schoolBin !== undefined) q.schoolBin = f.schoolBin;
  if (f.status !== undefined) q.status = f.status;
  if (f.sourceRef !== undefined) q.sourceRef = f.sourceRef;
  if (f.cursor !== undefined) q.cursor = f.cursor;
  if (f.limit !== undefined) q.limit = f.limit;
  return q;
}

/** A page of complaints as the domain sees it. */
export function toEotinishComplaintPage(w: EotinishComplaintPageWire): EotinishComplaintPage {
  return {
    complaints: w.items.map(toEotinishComplaint),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}
