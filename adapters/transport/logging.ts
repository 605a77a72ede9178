import { format } from 'node:util';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { maskPersonalData } from '../../src/domain/mask';
import { KzProactiveError } from './errors';

export type { Logger } from 'pino';

/**
 * The adapters' logger: pino, quiet by default (level `warn`), with two layers of protection for personal data.
 * Credentials are removed by key name at any depth ({@link REDACTED_KEYS}); and, because pino's `redact` covers
 * only the paths it lists and never the message (style.md habit 3), a `logMethod` hook runs maskPersonalData over
 * every string of every log object, over the message and over errors (message, stack, cause) before pino
 * serialises anything. The key-name redaction lives in that same walk rather than in pino's `redact`, which
 * costs about 13 µs a line with wildcard paths (four times the line itself); `redact` paths given in the
 * options are still applied by pino.
 */

/** Options of {@link createLogger}; unknown keys are refused. */
export interface LoggerConfig {
  /** pino level; default `warn` (successful calls are `info`, so they are silent by default). */
  readonly level?: pino.LevelWithSilent;
  /** Where lines go; default stdout. */
  readonly destination?: DestinationStream;
  /** Extra pino `redact` paths, on top of the keys of {@link REDACTED_KEYS}. */
  readonly redact?: readonly string[];
  /** Logger name (the `name` field of every line). */
  readonly name?: string;
}

/** Keys (case-insensitive) whose values are replaced by `[redacted]` wherever they appear: credentials. */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'token',
  'accesstoken',
  'access_token',
  'bearertoken',
  'apikey',
  'api_key',
  'x-api-key',
  'credentials',
  'password',
  'secret',
  'cookie',
  'set-cookie',
]);

const REDACTED = '[redacted]';
const CONFIG_KEYS: ReadonlySet<string> = new Set(['level', 'destination', 'redact', 'name']);
const MAX_DEPTH = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A pino logger that masks personal data in everything it writes.
 * @throws TypeError on an unknown option.
 */
export function createLogger(options: LoggerConfig = {}): Logger {
  for (const key of Object.keys(options)) {
    if (!CONFIG_KEYS.has(key)) throw new TypeError(`logger.${key} is not a logger option`);
  }
  const config: LoggerOptions = {
    level: options.level ?? 'warn',
    hooks: { logMethod: maskingLogMethod },
    formatters: { bindings: (bindings) => maskDeep(bindings, 0) as Record<string, unknown> },
  };
  if (options.name !== undefined) config.name = options.name;
  if (options.redact !== undefined && options.redact.length > 0) {
    config.redact = { paths: [...options.redact], censor: REDACTED };
  }
  const logger = options.destination === undefined ? pino(config) : pino(config, options.destination);
  // pino applies `formatters.bindings` to the root only; children inherit this `child`, so their bindings and
  // message prefixes are masked too.
  const child = logger.child as unknown as (
    this: Logger,
    b: pino.Bindings,
    o?: pino.ChildLoggerOptions,
  ) => Logger;
  const maskingChild = function (
    this: Logger,
    bindings: pino.Bindings,
    childOptions?: pino.ChildLoggerOptions,
  ) {
    const opts =
      childOptions?.msgPrefix === undefined
        ? childOptions
        : { ...childOptions, msgPrefix: maskPersonalData(childOptions.msgPrefix) };
    return child.call(this, maskDeep(bindings, 0) as pino.Bindings, opts);
  };
  logger.child = maskingChild as unknown as typeof logger.child;
  return logger;
}

/** The logMethod hook: masks the object, the message (after interpolation) and errors, then logs. */
function maskingLogMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void): void {
  const first = args[0];
  if (typeof first === 'string') {
    method.call(this, maskPersonalData(args.length > 1 ? format(...args) : first));
    return;
  }
  if (first instanceof Error) {
    const msg = args.length > 1 ? format(...args.slice(1)) : first.message;
    method.call(this, { err: maskDeep(first, 0) }, maskPersonalData(msg));
    return;
  }
  if (typeof first === 'object' && first !== null) {
    const masked = maskDeep(first, 0);
    if (args.length > 1) method.call(this, masked, maskPersonalData(format(...args.slice(1))));
    else method.call(this, masked);
    return;
  }
  method.apply(this, args);
}

/**
 * A deep copy of `value` with maskPersonalData applied to every string (and to integers long enough to be an
 * IIN) and credentials ({@link REDACTED_KEYS}) replaced; errors become objects of their masked name, message,
 * code, stack and cause.
 */
export function maskDeep(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
      // A UUID (request ids) is never personal, but its hex groups can look like an IIN or a phone to the masker.
      return value.length === 36 && UUID.test(value) ? value : maskPersonalData(value);
    case 'number':
      if (Number.isInteger(value) && Math.abs(value) >= 1e10) {
        const masked = maskPersonalData(String(value));
        return masked === String(value) ? value : masked;
      }
      return value;
    case 'bigint':
      return maskPersonalData(value.toString());
    case 'object':
      break;
    default:
      return value;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) return maskError(value, depth);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] = v !== undefined && REDACTED_KEYS.has(key.toLowerCase()) ? REDACTED : maskDeep(v, depth + 1);
  }
  return out;
}

function maskError(err: Error, depth: number): Record<string, unknown> {
  // Null prototype: pino's err serializer then takes `type` from `name` rather than from the constructor (Object).
  const out = Object.create(null) as Record<string, unknown>;
  out.name = err.name;
  out.message = maskPersonalData(err.message);
  // Only our own errors are expanded: others (an AxiosError's toJSON) can carry request config and credentials.
  if (err instanceof KzProactiveError) Object.assign(out, maskDeep(err.toJSON(), depth + 1));
  const code = (err as { code?: unknown }).code;
  if (out.code === undefined && (typeof code === 'string' || typeof code === 'number')) out.code = code;
  if (err.stack !== undefined) out.stack = maskPersonalData(err.stack);
  if (err.cause !== undefined) out.cause = maskDeep(err.cause, depth + 1);
  return out;
}
