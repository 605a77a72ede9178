/**
 * Where a rule comes from. Every rule value in rules/ and every SMS template in sms/ carries one of these, so that a
 * reviewer can open the seed file at the clause and check the value against the act.
 */
import { deepFreeze } from './freeze';

/** The seed files in ../shared/seeds (the legal acts, Kazakh and Russian originals). */
export type SeedFile =
  | '000_10c451d0a2d1ef22.txt'
  | '001_bdf7a56f0c09f3cb.txt'
  | '002_5ca116f3f5d21278.txt'
  | '003_2f93f590f284f56c.txt'
  | '004_d2dd2011a21628cf.txt';

/** One legal act: its seed file, its English title and the date it took effect. */
export interface LegalAct {
  readonly seed: SeedFile;
  readonly act: string;
  /** 'YYYY-MM-DD' the act took effect; see `effectiveFromNote` when the seed does not give the date outright. */
  readonly effectiveFrom: string;
  /** Last day in force (inclusive), when the act says; `null` when it is open-ended or the seed is silent. */
  readonly effectiveUntil: string | null;
  /** How `effectiveFrom` / `effectiveUntil` were read from the seed. */
  readonly effectiveFromNote: string;
}

/**
 * The source of one rule: seed file, clause, act, and the date the act took effect (the rule's version).
 * `clause` is the clause number of the act or its appendix ("Annex 1, cl. 10", "Appendix 2"); seed 001 is a news
 * report without clause numbers, so there it is the paragraph of the report ("para. 4").
 */
export interface Citation {
  readonly seed: SeedFile;
  readonly clause: string;
  readonly act: string;
  readonly effectiveFrom: string;
  /**
   * A short verbatim excerpt of the seed that states the rule. A test checks that it occurs in the seed file, so
   * a value and its quote cannot drift apart unnoticed.
   */
  readonly quote?: string;
}

/** The same thing under the name the architecture notes use. */
export type Source = Citation;

/** The five acts behind kz-proactive's rules. */
export const LEGAL_ACTS = deepFreeze({
  gasOrder2024: {
    seed: '000_10c451d0a2d1ef22.txt',
    act:
      'Joint order of 4–5 Dec 2024 (Energy No. 440, Digital Development No. 759/НҚ, Labour No. 446, National ' +
      'Economy No. 107): pilot of gas vouchers for ASP and housing-assistance recipients',
    effectiveFrom: '2024-12-05',
    effectiveUntil: '2025-04-30',
    effectiveFromNote:
      'Cl. 8 puts the order in force from its first official publication (date not in the seed) until 30 Apr 2025; ' +
      'cl. 3 and 4 set the pilot period 5 Dec 2024 – 30 Apr 2025 inclusive, which is used here.',
  },
  gasAmendment2025: {
    seed: '001_bdf7a56f0c09f3cb.txt',
    act: 'Joint order amending the gas-voucher pilot (Zakon.kz report of 17 Aug 2025), in force from 25 Aug 2025',
    effectiveFrom: '2025-08-25',
    effectiveUntil: null,
    effectiveFromNote:
      'The report says the order takes effect on 25 Aug 2025; it names no end date and does not mention the pilot ' +
      'period, so the end is unknown (null).',
  },
  mealsOrder2023: {
    seed: '002_5ca116f3f5d21278.txt',
    act:
      'Joint order of 17 Nov 2023 (Enlightenment No. 341, Digital Development No. 556/НҚ): nationwide pilot of free ' +
      'and discounted meals for pupils through the Social Wallet',
    effectiveFrom: '2023-11-17',
    effectiveUntil: '2024-11-16',
    effectiveFromNote:
      'Cl. 9: in force from the day the last head of a state body signed it, for 12 months. Both signatures are ' +
      'dated 17 Nov 2023 (annex headers), so 17 Nov 2023 – 16 Nov 2024 inclusive.',
  },
  homeSchoolingOrder2024: {
    seed: '003_2f93f590f284f56c.txt',
    act:
      'Joint order of 16 Feb 2024 (Labour No. 42, Digital Development No. 75/НҚ, Enlightenment No. 38): pilot of ' +
      'proactive compensation of home-schooling costs of children with disabilities',
    effectiveFrom: '2024-02-27',
    effectiveUntil: '2024-12-31',
    effectiveFromNote:
      'Cl. 6: in force ten calendar days after the first official publication, until 31 Dec 2024. The ' +
      'publication date is not in the seed; 27 Feb 2024 is the earliest possible day (published on the signing ' +
      'day, 16 Feb, then ten full days). "Until 31 Dec 2024" is read as including 31 Dec.',
  },
  socialPortalRules2023: {
    seed: '004_d2dd2011a21628cf.txt',
    act:
      'Order of the acting Minister of Labour of 17 Aug 2023 No. 345 (registered 25 Aug 2023 No. 33329): Rules ' +
      'of use of the Social Services Portal',
    effectiveFrom: '2023-09-05',
    effectiveUntil: null,
    effectiveFromNote:
      'Cl. 5 of the order: in force ten calendar days after the first official publication (date not in the ' +
      'seed); 5 Sep 2023 is the earliest possible day (published on the registration day, 25 Aug, then ten full ' +
      'days). No end date.',
  },
} as const satisfies Record<string, LegalAct>);

/** Key of one of the five acts. */
export type LegalActId = keyof typeof LEGAL_ACTS;

/** Builds a citation of one clause of one of the five acts. */
export function cite(actId: LegalActId, clause: string, quote?: string): Citation {
  const a: LegalAct = LEGAL_ACTS[actId];
  return quote === undefined
    ? { seed: a.seed, clause, act: a.act, effectiveFrom: a.effectiveFrom }
    : { seed: a.seed, clause, act: a.act, effectiveFrom: a.effectiveFrom, quote };
}
