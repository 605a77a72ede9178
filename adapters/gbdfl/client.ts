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
  checkIinArgument,
  checkRequester,
  checkRequiredConsentToken,
  type CallSite,
} from '../transport/soap-payload';
import {
  GBDFL_SERVICES,
  checkKinshipRequestXml,
  getBirthCertificateRequestXml,
  getPersonRequestXml,
  readBirthCertificate,
  readKinship,
  readPerson,
  type GbdflBirthCertificate,
  type GbdflKinship,
  type GbdflOperation,
  type GbdflPerson,
  type GbdflRequestContext,
} from './mapping';

/** The system id of GBD FL: its folder under contracts/ and the `system` of its errors and log lines. */
export const GBDFL_SYSTEM = 'gbdfl';

/** Configuration of {@link GbdflClient}: the SHEP transport's, without `system`. */
export type GbdflClientConfig = Omit<ShepSoapTransportConfig, 'system'>;

/** What a {@link GbdflClient} can be given instead of building it from the configuration. */
export interface GbdflClientDeps {
  /** A transport to use (its system must be `gbdfl`); the configuration is then not used. */
  readonly soap?: ShepSoapTransport;
  /** Logger of the transport built from the configuration (overrides `config.logger`). */
  readonly logger?: Logger;
}

/** What every GBD FL call takes besides its IINs. */
export interface GbdflCallOptions {
  /**
   * The consent token the consent service (checkConsent) issued for the subjects, this requester, service and
   * scope (seed 003 cl. 7). Required: without it nothing is sent.
   */
  readonly consentToken: string;
  readonly requester: Requester;
  /** requestInfo/correlationId: the chain this message belongs to, e.g. the orchestrator's case id. */
  readonly correlationId?: string;
  /** Overrides the configured payload mode for this call. */
  readonly payloadMode?: PayloadMode;
}

/**
 * Client of GBD FL (ЖТ МДҚ / ГБД ФЛ, state database "Individuals") through the SHEP SyncChannel: a person by IIN,
 * a child's birth certificate, the kinship of a child and a representative (seed 003 cl. 7, seed 004 cl. 6).
 * Every call needs the person's consent token; "not found" is an answer (null), not an error.
 */
export class GbdflClient {
  private readonly soap: ShepSoapTransport;

  /** @throws BadInput (INVALID_CONFIG) on an invalid configuration or a transport of another system. */
  constructor(config: GbdflClientConfig, deps: GbdflClientDeps = {}) {
    if (deps.soap) {
      if (deps.soap.system !== GBDFL_SYSTEM) {
        throw new BadInput({
          code: 'INVALID_CONFIG',
          system: GBDFL_SYSTEM,
          operation: 'configure',
          detail: `the transport is for system ${deps.soap.system}`,
        });
      }
      this.soap = deps.soap;
    } else {
      const logger = deps.logger ?? config.logger;
      this.soap = new ShepSoapTransport({
        ...config,
        system: GBDFL_SYSTEM,
        ...(logger === undefined ? {} : { logger }),
      });
    }
  }

  /** The transport (for `ready()` at start-up, or to share its breaker). */
  get transport(): ShepSoapTransport {
    return this.soap;
  }

  /**
   * A person by IIN (GBDFL_GetPerson): name, birth date, gender, citizenship, life status, permanent registration,
   * identity documents; null when GBD FL has no person with that IIN.
   * @throws ConsentMissing without a consent token (nothing sent) or when GBD FL finds it invalid
   * (CONSENT_INVALID); BadInput for an invalid IIN or requester (nothing sent) or BAD_REQUEST; ContractViolation
   * when the answer lacks what is read or is about another person; the transport's errors.
   */
  async getPerson(iin: string, options: GbdflCallOptions): Promise<GbdflPerson | null> {
    const ctx = this.check('getPerson', options);
    checkIinArgument(ctx.site, iin, 'iin');
    return this.send('getPerson', options, getPersonRequestXml(iin, ctx.request), (r) => readPerson(r, iin));
  }

  /**
   * The birth certificate of a child (GBDFL_GetBirthCertificate), with the parents' IINs and names; null when
   * GBD FL has no birth record for the IIN (then ask NOBD for the legal representative, seed 003 cl. 7).
   * @throws as {@link getPerson}.
   */
  async getBirthCertificate(
    childIin: string,
    options: GbdflCallOptions,
  ): Promise<GbdflBirthCertificate | null> {
    const ctx = this.check('getBirthCertificate', options);
    checkIinArgument(ctx.site, childIin, 'childIin');
    return this.send(
      'getBirthCertificate',
      options,
      getBirthCertificateRequestXml(childIin, ctx.request),
      (r) => readBirthCertificate(r, childIin),
    );
  }

  /**
   * Whether GBD FL records `representativeIin` as the parent or legal representative of `childIin`
   * (GBDFL_CheckKinship), with the relation and the record it rests on; null when either IIN is unknown.
   * @throws as {@link getPerson}; BadInput when the two IINs are the same (nothing sent).
   */
  async checkKinship(
    childIin: string,
    representativeIin: string,
    options: GbdflCallOptions,
  ): Promise<GbdflKinship | null> {
    const ctx = this.check('checkKinship', options);
    checkIinArgument(ctx.site, childIin, 'childIin');
    checkIinArgument(ctx.site, representativeIin, 'representativeIin');
    if (childIin === representativeIin) {
      throw new BadInput({ ...ctx.site, detail: 'childIin and representativeIin are the same person' });
    }
    return this.send(
      'checkKinship',
      options,
      checkKinshipRequestXml(childIin, representativeIin, ctx.request),
      (r) => readKinship(r, childIin, representativeIin),
    );
  }

  /** Consent first: a GBD FL call never starts without a token. */
  private check(
    operation: GbdflOperation,
    options: GbdflCallOptions,
  ): { site: CallSite; request: GbdflRequestContext } {
    const site = { system: GBDFL_SYSTEM, operation };
    const o: Partial<GbdflCallOptions> = typeof options === 'object' && options !== null ? options : {};
    checkRequiredConsentToken(site, o.consentToken);
    checkRequester(site, o.requester);
    return { site, request: { consentToken: o.consentToken, requester: o.requester } };
  }

  private async send<T>(
    operation: GbdflOperation,
    options: GbdflCallOptions,
    payload: string,
    read: (reader: PayloadReader) => T,
  ): Promise<T> {
    const s = GBDFL_SERVICES[operation];
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
