import type { components, operations } from '../../contracts/banks/openapi';

/** Wire types of the banks contract (generated) and their domain counterparts; pure functions between them. */

type Schemas = components['schemas'];
/** Answer of `listBanks` on the wire. */
export type BanksBankPageWire = Schemas['BankPage'];
/** Query of `listBanks` on the wire. */
export type ListBanksQueryWire = NonNullable<operations['listBanks']['parameters']['query']>;
/** Body of `searchBenefitAccounts` on the wire. */
export type BanksAccountSearchRequestWire = Schemas['AccountSearchRequest'];
/** Answer of `searchBenefitAccounts` on the wire. */
export type BanksAccountSearchResultWire = Schemas['AccountSearchResult'];
/** Body of `createAccountWatch` on the wire. */
export type BanksCreateWatchRequestWire = Schemas['CreateAccountWatchRequest'];
/** A watch on the wire. */
export type BanksAccountWatchWire = Schemas['AccountWatch'];

type BankRefWire = Schemas['BankRef'];
type BenefitAccountWire = Schemas['BenefitAccount'];

/** A value from a reference book with its Kazakh and Russian names. */
export interface BanksCodedValue {
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** A bank as SMS forms 1–3 name it: three-digit code, BIC, names in Kazakh and Russian. */
export interface BanksBankRef {
  readonly code: string;
  readonly bic: string;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** A bank of the reference list. */
export interface BanksBank extends BanksBankRef {
  /** Short name for the numbered list of SMS form 2. */
  readonly shortName: string;
  /** Whether its integration with the labour ministry system is live. */
  readonly integrated: boolean;
  /** Where to open a special account online (SMS form 3), when the bank gives one. */
  readonly openAccountUrl?: string;
}

/** Which banks to list. */
export interface BanksBankFilter {
  readonly integrated?: boolean;
  readonly cursor?: string;
  /** 1–1000. */
  readonly limit?: number;
}

/** A page of banks, by code. */
export interface BanksBankPage {
  readonly banks: readonly BanksBank[];
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

/** A special benefit account (арнайы банктік шот / специальный банковский счёт). */
export interface BanksAccount {
  readonly iban: string;
  /** `special-benefit` is the account for social payments that seed 003 cl. 9 asks for. */
  readonly accountType: BanksCodedValue;
  readonly currency: 'KZT';
  /** YYYY-MM-DD. */
  readonly openedOn: string;
  /** `blocked` accounts cannot receive payments and are not offered to the person. */
  readonly status: 'open' | 'blocked';
}

/** A person's special accounts in one bank. */
export interface BanksBankAccounts {
  readonly bank: BanksBankRef;
  readonly accounts: readonly BanksAccount[];
}

/** How many banks hold a special account: `none` → SMS form 3, `one` → form 1, `several` → form 2 (seed 003 cl. 9). */
export type BanksSearchOutcome = BanksAccountSearchResultWire['outcome'];

/** The answer of an account search. */
export interface BanksAccountSearchResult {
  readonly iin: string;
  readonly searchedAt: string;
  readonly outcome: BanksSearchOutcome;
  /** False when a bank did not answer: `outcome` is then provisional; retry before deciding. */
  readonly complete: boolean;
  /** Banks holding an account, in the order of the bank list. */
  readonly banks: readonly BanksBankAccounts[];
  readonly banksUnavailable: readonly BanksBankRef[];
}

/** What to watch after SMS form 3 (seed 003 cl. 10). */
export interface BanksWatchToCreate {
  readonly iin: string;
  /** The banks listed in form 3; absent means every integrated bank. */
  readonly bankCodes?: readonly string[];
  /** End of the watch (RFC 3339 with offset): 3 working days after form 3, end of day. */
  readonly watchUntil: string;
  /** Where the `accountOpened` webhook is sent. */
  readonly callbackUrl: string;
  /** The caller's case reference, echoed in the webhook; never personal data. */
  readonly reference: string;
}

/** State of a watch. */
export type BanksWatchStatus = BanksAccountWatchWire['status'];

/** A watch on a person's new special account; `bank`, `account`, `fulfilledAt` only when `fulfilled`. */
export interface BanksAccountWatch {
  readonly watchId: string;
  readonly iin: string;
  readonly bankCodes: readonly string[];
  readonly status: BanksWatchStatus;
  readonly createdAt: string;
  readonly watchUntil: string;
  readonly reference: string;
  readonly fulfilledAt?: string;
  readonly cancelledAt?: string;
  readonly bank?: BanksBankRef;
  readonly account?: BanksAccount;
}

function toBankRef(w: BankRefWire): BanksBankRef {
  return { code: w.code, bic: w.bic, nameKz: w.nameKz, nameRu: w.nameRu };
}

function toAccount(w: BenefitAccountWire): BanksAccount {
  return {
    iban: w.iban,
    accountType: { code: w.accountType.code, nameKz: w.accountType.nameKz, nameRu: w.accountType.nameRu },
    currency: w.currency,
    openedOn: w.openedOn,
    status: w.status,
  };
}

/** The query of a `listBanks` call. */
export function toListBanksQuery(f: BanksBankFilter): ListBanksQueryWire {
  const q: ListBanksQueryWire = {};
  if (f.integrated !== undefined) q.integrated = f.integrated;
  if (f.cursor !== undefined) q.cursor = f.cursor;
  if (f.limit !== undefined) q.limit = f.limit;
  return q;
}

/** A page of banks as the domain sees it. */
export function toBanksBankPage(w: BanksBankPageWire): BanksBankPage {
  return {
    banks: w.items.map((b) => ({
      ...toBankRef(b),
      shortName: b.shortName,
      integrated: b.integrated,
      ...(b.openAccountUrl === undefined ? {} : { openAccountUrl: b.openAccountUrl }),
    })),
    nextCursor: w.page.nextCursor ?? null,
    hasMore: w.page.hasMore,
  };
}

/** An account search as the domain sees it. */
export function toBanksAccountSearchResult(w: BanksAccountSearchResultWire): BanksAccountSearchResult {
  return {
    iin: w.iin,
    searchedAt: w.searchedAt,
    outcome: w.outcome,
    complete: w.complete,
    banks: w.banks.map((b) => ({ bank: toBankRef(b.bank), accounts: b.accounts.map(toAccount) })),
    banksUnavailable: w.banksUnavailable.map(toBankRef),
  };
}

/** The body of a `createAccountWatch` call. */
export function toCreateWatchRequest(w: BanksWatchToCreate): BanksCreateWatchRequestWire {
  return {
    iin: w.iin,
    ...(w.bankCodes === undefined ? {} : { bankCodes: [...w.bankCodes] }),
    watchUntil: w.watchUntil,
    callbackUrl: w.callbackUrl,
    reference: w.reference,
  };
}

/** A watch as the domain sees it. */
export function toBanksAccountWatch(w: BanksAccountWatchWire): BanksAccountWatch {
  return {
    watchId: w.watchId,
    iin: w.iin,
    bankCodes: [...w.bankCodes],
    status: w.status,
    createdAt: w.createdAt,
    watchUntil: w.watchUntil,
    reference: w.reference,
    ...(w.fulfilledAt === undefined ? {} : { fulfilledAt: w.fulfilledAt }),
    ...(w.cancelledAt === undefined ? {} : { cancelledAt: w.cancelledAt }),
    ...(w.bank === undefined ? {} : { bank: toBankRef(w.bank) }),
    ...(w.account === undefined ? {} : { account: toAccount(w.account) }),
  };
}
