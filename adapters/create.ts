import type { SystemId } from '../src/systems';
import { BanksClient } from './banks';
import { BillingClient } from './billing';
import { CanteenClient } from './canteen';
import { ConsentClient } from './consent';
import { EotinishClient } from './eotinish';
import { EsobesClient } from './esobes';
import { GbdflClient } from './gbdfl';
import { MabClient } from './mab';
import { ModbClient } from './modb';
import { NobdClient } from './nobd';
import { SduClient } from './sdu';
import { SmsClient } from './sms';
import { SocialPortalClient } from './social-portal';
import { createLogger, type HttpTransportConfig, type Logger, type ShepCredentials } from './transport';
import { WalletClient } from './wallet';

/** Settings every HTTP client shares unless a system overrides them. */
export type SharedHttpSettings = Omit<HttpTransportConfig, 'system' | 'baseUrl' | 'contract' | 'breaker'>;

/** Configuration of {@link createAdapters}: plain data, nothing read from the environment. */
export interface AdaptersConfig {
  /**
   * Where each system is: a REST system's base URL, a SOAP system's SHEP SyncChannel endpoint. The JSON line that
   * `kz-proactive mocks --json` prints has exactly this shape.
   */
  readonly targets: Readonly<Record<SystemId, string>>;
  /** The sender's SHEP account, used for GBD FL and MODB. */
  readonly shep: ShepCredentials;
  /** Shared settings (timeouts, retry, validation, logger, …). */
  readonly defaults?: SharedHttpSettings;
  /** Per-system settings, over the defaults (e.g. a bearer token per system). */
  readonly overrides?: Partial<Record<SystemId, Partial<SharedHttpSettings>>>;
}

/** One client per system. */
export interface Adapters {
  readonly gbdfl: GbdflClient;
  readonly modb: ModbClient;
  readonly esobes: EsobesClient;
  readonly mab: MabClient;
  readonly nobd: NobdClient;
  readonly banks: BanksClient;
  readonly billing: BillingClient;
  readonly sms: SmsClient;
  readonly wallet: WalletClient;
  readonly consent: ConsentClient;
  readonly sdu: SduClient;
  readonly canteen: CanteenClient;
  readonly eotinish: EotinishClient;
  readonly socialPortal: SocialPortalClient;
}

/**
 * Builds the client of every system from one configuration, with one logger and (through the transports) one
 * axios instance and one circuit breaker per system.
 * @throws BadInput (INVALID_CONFIG) when a target is missing or a setting is invalid.
 */
export function createAdapters(config: AdaptersConfig): Adapters {
  const logger: Logger = config.defaults?.logger ?? createLogger();
  const http = (system: SystemId) => ({
    ...config.defaults,
    logger,
    ...config.overrides?.[system],
    baseUrl: target(config, system),
  });
  const soap = (system: 'gbdfl' | 'modb') => {
    // SOAP takes the shared settings that mean the same there; headers and bearer tokens are HTTP-only, and the
    // SHEP transport always reads the payloads it maps, so `validation: 'off'` becomes report-only.
    const s = { ...config.defaults, ...config.overrides?.[system] };
    return {
      logger,
      endpoint: target(config, system),
      credentials: config.shep,
      validation:
        s.validation === 'strict' || s.validation === undefined ? ('strict' as const) : ('report' as const),
      ...pick(s, ['timeoutMs', 'retry', 'maxResponseBytes', 'clock', 'random', 'sleep', 'axios'] as const),
    };
  };
  return {
    gbdfl: new GbdflClient(soap('gbdfl')),
    modb: new ModbClient(soap('modb')),
    esobes: new EsobesClient(http('esobes')),
    mab: new MabClient(http('mab')),
    nobd: new NobdClient(http('nobd')),
    banks: new BanksClient(http('banks')),
    billing: new BillingClient(http('billing')),
    sms: new SmsClient(http('sms')),
    wallet: new WalletClient(http('wallet')),
    consent: new ConsentClient(http('consent')),
    sdu: new SduClient(http('sdu')),
    canteen: new CanteenClient(http('canteen')),
    eotinish: new EotinishClient(http('eotinish')),
    socialPortal: new SocialPortalClient(http('social-portal')),
  };
}

function target(config: AdaptersConfig, system: SystemId): string {
  const url = config.targets?.[system];
  if (typeof url !== 'string' || url.length === 0) {
    throw new TypeError(`createAdapters: targets.${system} is missing (a base URL, or the SOAP endpoint)`);
  }
  return url;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
