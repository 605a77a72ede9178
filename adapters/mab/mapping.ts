import type { components, operations } from '../../contracts/mab/openapi';

/** Wire types of the MAB contract (generated) and their domain counterparts; pure functions between them. */

type PhoneRecord = components['schemas']['PhoneRecord'];
/** Body of `searchPhones` on the wire. */
export type SearchPhonesRequest = operations['searchPhones']['requestBody']['content']['application/json'];
/** Answer of `searchPhones` on the wire. */
export type SearchPhonesResponse =
  operations['searchPhones']['responses'][200]['content']['application/json'];
/** Answer of `getPhoneByIin` on the wire. */
export type GetPhoneByIinResponse =
  operations['getPhoneByIin']['responses'][200]['content']['application/json'];

/** The mobile phone registered in MAB for a person. */
export interface MabPhone {
  /** IIN of the person (ЖСН / ИИН). */
  readonly iin: string;
  /** Kazakh mobile phone in E.164, `+77XXXXXXXXX`. */
  readonly phone: string;
  /** Date the phone was registered in MAB, ISO `YYYY-MM-DD`, when MAB knows it. */
  readonly registeredAt?: string;
}

/** The answer to a batch lookup. */
export interface MabPhoneSearchResult {
  /** Phones found, in the system's order. */
  readonly found: readonly MabPhone[];
  /** IINs that have no phone in MAB. */
  readonly notFound: readonly string[];
}

/** A PhoneRecord as the domain sees it (`registeredAt` only when present). */
export function toMabPhone(wire: PhoneRecord): MabPhone {
  return wire.registeredAt === undefined
    ? { iin: wire.iin, phone: wire.phone }
    : { iin: wire.iin, phone: wire.phone, registeredAt: wire.registeredAt };
}

/** The body of a `searchPhones` call. */
export function toSearchPhonesRequest(iins: readonly string[]): SearchPhonesRequest {
  return { iins: [...iins] };
}

/** A `searchPhones` answer as the domain sees it. */
export function toMabPhoneSearchResult(wire: SearchPhonesResponse): MabPhoneSearchResult {
  return { found: wire.found.map(toMabPhone), notFound: [...wire.notFound] };
}
