import {
  BadInput,
  ShepSoapTransport,
  type Logger,
  type PayloadMode,
  type PayloadReader,
  type Requester,
  type ShepSoapTransportConfig,
} from '../transport';
import {
  checkDateArgument,
  checkIinArgument,
  checkOptionalConsentToken,
  checkRequester,
  type CallSite,
} from '../transport/soap-payload';
import {
  MODB_SERVICES,
  getDisabilityRequestXml,
  getIprMeasuresRequestXml,
  readDisability,
  readIpr,
  type ModbDisability,
  type ModbIpr,
  type ModbOperation,
  type ModbRequestContext,
} from './mapping';

/** The system id of MODB: its folder under contracts/ and the `system` of its errors and log lines. */
export const MODB_SYSTEM = 'modb';

/** Configuration of {@link ModbClient}: the SHEP transport's, without `system`. */
export type ModbClientConfig = Omit<ShepSoapTransportConfig, 'system'>;

/** What a {@link ModbClient} can be given instead of building it from the configuration. */
export interface ModbClientDeps {
  /** A transport to use (its system must be `modb`); the configuration is then not used. */
  readonly soap?: ShepSoapTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

/** What every MODB call takes besides the IIN. */
export interface ModbCallOptions {
  readonly requester: Requester;
  /**
   * The consent token, when the requester holds one (the Social Services Portal flow); MODB then checks it. The
   * disability check of seed 003 cl. 5 runs before anyone is asked and goes without one.
   */
  readonly consentToken?: string;
  /** requestInfo/correlationId: the chain this message belongs to, e.g. the orchestrator's case id. */
  readonly correlationId?: string;
  /** Overrides the configured payload mode for this call. */
  readonly payloadMode?: PayloadMode;
}

/** Options of {@link ModbClient.getDisability}. */
export interface ModbDisabilityOptions extends ModbCallOptions {
  /** The date to compute `hasActiveDisability` for, `YYYY-MM-DD`; MODB takes today in Astana when absent. */
  readonly onDate?: string;
}

/**
 * Client of MODB (МОДБ ААЖ / ЦБДИ, central database of persons with disabilities) through the SHEP SyncChannel:
 * the disability of a person on a date (seed 003 cl. 5–6) and the measures of their individual rehabilitation
 * programme (seed 004 cl. 9). "Never examined" and "no IPR" are answers (null), not errors.
 */
export class ModbClient {
  private readonly soap: ShepSoapTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: ModbClientConfig, deps: ModbClientDeps = {}) {
    if (deps.soap) {
      if (deps.soap.system !== MODB_SYSTEM) {
        throw new BadInput({
          code: 'INVALID_CONFIG',
          system: MODB_SYSTEM,
          operation: 'configure',
          detail: `the transport is for system ${deps.soap.system}`,
        });
      }
      this.soap = deps.soap;
    } else {
      const logger = deps.logger ?? config.logger;
      this.soap = new ShepSoapTransport({
        ...config,
        system: MODB_SYSTEM,
        ...(logger === undefined ? {} : { logger }),
      });
    }
  }

  /** The transport (for `ready()` at start-up, or to share its breaker). */
  get transport(): ShepSoapTransport {
    return this.soap;
  }

  /**
   * The disability of a person (MODB_GetDisability): whether one is in force on `onDate`, and every record;
   * null when the person was never examined by a medical-social expertise.
   * @throws BadInput for an invalid IIN, date, requester or token (nothing sent) or BAD_REQUEST; ConsentMissing
   * when a token was sent and MODB finds it invalid; ContractViolation when the answer lacks what is read or is
   * about another person; the transport's errors.
   */
  async getDisability(iin: string, options: ModbDisabilityOptions): Promise<ModbDisability | null> {
    const ctx = this.check('getDisability', options);
    checkIinArgument(ctx.site, iin, 'iin');
    if (options.onDate !== undefined) checkDateArgument(ctx.site, options.onDate, 'onDate');
    return this.send(
      'getDisability',
      options,
      getDisabilityRequestXml(iin, ctx.request, options.onDate),
      (r) => readDisability(r, iin),
    );
  }

  /**
   * The measures of a person's IPR (MODB_GetIprMeasures): the aids and services, the IPR date and each deadline;
   * null when the person has no IPR.
   * @throws as {@link getDisability}.
   */
  async getIprMeasures(iin: string, options: ModbCallOptions): Promise<ModbIpr | null> {
    const ctx = this.check('getIprMeasures', options);
    checkIinArgument(ctx.site, iin, 'iin');
    return this.send('getIprMeasures', options, getIprMeasuresRequestXml(iin, ctx.request), (r) =>
      readIpr(r, iin),
    );
  }

  private check(
    operation: ModbOperation,
    options: ModbCallOptions,
  ): { site: CallSite; request: ModbRequestContext } {
    const site = { system: MODB_SYSTEM, operation };
    const o: Partial<ModbCallOptions> = typeof options === 'object' && options !== null ? options : {};
    checkRequester(site, o.requester);
    checkOptionalConsentToken(site, o.consentToken);
    return {
      site,
      request: {
        requester: o.requester,
        ...(o.consentToken === undefined ? {} : { consentToken: o.consentToken }),
      },
    };
  }

  private async send<T>(
    operation: ModbOperation,
    options: ModbCallOptions,
    payload: string,
    read: (reader: PayloadReader) => T,
  ): Promise<T> {
    const s = MODB_SERVICES[operation];
    const reply = await this.soap.call<T>({
      operation,
      serviceId: s.serviceId,
      payload,
      response: { ns: s.ns, name: s.response },
      read,
      ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }),
      ...(options.payloadMode === undefined ? {} : { payloadMode: options.payloadMode }),
    });
    return reply.data;
  }
}
