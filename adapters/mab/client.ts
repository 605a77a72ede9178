import { isValidIin } from '../../src/domain/iin';
import {
  BadInput,
  ContractViolation,
  NotFound,
  type HttpTransport,
  type HttpTransportConfig,
  type Logger,
} from '../transport';
import { transportFor } from '../transport/support';
import {
  toMabPhone,
  toMabPhoneSearchResult,
  toSearchPhonesRequest,
  type GetPhoneByIinResponse,
  type MabPhone,
  type MabPhoneSearchResult,
  type SearchPhonesResponse,
} from './mapping';

/** The system id of MAB: its folder under contracts/ and the `system` of its errors and log lines. */
export const MAB_SYSTEM = 'mab';

/** The contract's `maxItems` of a `searchPhones` body: longer lists are sent in batches of this size. */
export const MAB_SEARCH_BATCH = 1000;

/** Configuration of {@link MabClient}: the transport's, without `system`. */
export type MabClientConfig = Omit<HttpTransportConfig, 'system'>;

/** What a {@link MabClient} can be given instead of building it from the configuration. */
export interface MabClientDeps {
  /** A transport to use (its system must be `mab`); the configuration is then not used. */
  readonly http?: HttpTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

/**
 * Client of MAB (Мобильді азаматтар базасы / База мобильных граждан): the mobile phone registered for an IIN,
 * asked before a consent SMS is sent (gas vouchers seed 000 cl. 13, meals seed 002 Annex 1 cl. 7, home schooling
 * seed 003 cl. 8, the Social Services Portal seed 004 cl. 9).
 */
export class MabClient {
  private readonly http: HttpTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: MabClientConfig, deps: MabClientDeps = {}) {
    this.http = transportFor(MAB_SYSTEM, config, deps);
  }

  /**
   * The phone registered in MAB for a person, or null when MAB has none: for the flows that is an answer, not a
   * failure (the person cannot be asked by SMS and the flow ends for them, seed 000 cl. 15). A 404 counts as
   * "no phone" only when MAB itself says so with a problem+json body; a bare 404 (a wrong baseUrl, a proxy)
   * is thrown as NotFound, so that a misconfiguration never reads as "nobody has a phone".
   * @throws BadInput when `iin` is not a valid IIN (nothing is sent); ContractViolation when MAB answers for
   * another IIN; the transport's errors (Unauthorized, UpstreamUnavailable, Timeout, CircuitOpen, ...).
   */
  async getPhoneByIin(iin: string): Promise<MabPhone | null> {
    const operation = 'getPhoneByIin';
    checkIin(iin, operation, 'iin');
    let wire: GetPhoneByIinResponse;
    try {
      const res = await this.http.request<GetPhoneByIinResponse>({
        operationId: operation,
        method: 'GET',
        path: '/phones/{iin}',
        pathParams: { iin },
      });
      wire = res.data;
      if (wire.iin !== iin) throw otherIin(operation, res.requestId, '/iin');
    } catch (err) {
      if (err instanceof NotFound && (err.problemCode !== undefined || err.problemType !== undefined))
        return null;
      throw err;
    }
    return toMabPhone(wire);
  }

  /**
   * The phones of many people at once: those found and the IINs without a phone. Lists longer than
   * {@link MAB_SEARCH_BATCH} are sent in consecutive batches; an empty list returns an empty result unsent.
   * Retried like a GET: the contract says this POST only reads.
   * @throws BadInput when an IIN is invalid (nothing is sent; the message gives its index, not its value);
   * ContractViolation when MAB answers about an IIN it was not asked for; the transport's errors.
   */
  async searchPhones(iins: readonly string[]): Promise<MabPhoneSearchResult> {
    const operation = 'searchPhones';
    if (!Array.isArray(iins))
      throw new BadInput({ system: MAB_SYSTEM, operation, detail: 'iins must be an array' });
    iins.forEach((iin, i) => checkIin(iin, operation, `iins[${i}]`));
    const found: MabPhone[] = [];
    const notFound: string[] = [];
    for (let start = 0; start < iins.length; start += MAB_SEARCH_BATCH) {
      const batch = iins.slice(start, start + MAB_SEARCH_BATCH);
      const res = await this.http.request<SearchPhonesResponse>({
        operationId: operation,
        method: 'POST',
        path: '/phones:search',
        body: toSearchPhonesRequest(batch),
        idempotent: true,
      });
      const asked = new Set(batch);
      res.data.found.forEach((r, i) => {
        if (!asked.has(r.iin)) throw otherIin(operation, res.requestId, `/found/${i}/iin`);
      });
      res.data.notFound.forEach((iin, i) => {
        if (!asked.has(iin)) throw otherIin(operation, res.requestId, `/notFound/${i}`);
      });
      const result = toMabPhoneSearchResult(res.data);
      found.push(...result.found);
      notFound.push(...result.notFound);
    }
    return { found, notFound };
  }
}

function checkIin(iin: unknown, operation: string, field: string): void {
  // The value is never echoed: an almost-valid IIN is still personal data.
  if (typeof iin !== 'string' || !isValidIin(iin)) {
    throw new BadInput({
      system: MAB_SYSTEM,
      operation,
      detail: `${field} is not a valid IIN (12 digits, a real birth date, a correct check digit)`,
    });
  }
}

function otherIin(operation: string, requestId: string, pointer: string): ContractViolation {
  return new ContractViolation({
    system: MAB_SYSTEM,
    operation,
    requestId,
    pointer,
    rule: 'an IIN that was asked for',
    detail: `${pointer} is not an IIN of the request`,
  });
}
