import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Validation of responses against a bundled contract (`contracts/<system>/openapi.json`, one file with every
 * external $ref inlined). OpenAPI 3.1 schemas are JSON Schema 2020-12, so the whole document is registered once
 * with ajv and each response schema is compiled by JSON pointer (`#/paths/...`), lazily, once per
 * (operationId, status, media type): $refs between schemas resolve inside the document.
 */

/** `strict` throws ContractViolation; `report` logs a warning and returns the data; `off` skips validation. */
export type ValidationMode = 'strict' | 'report' | 'off';

/** The parts of an OpenAPI document this module reads. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths?: Record<string, Record<string, unknown>>;
  readonly components?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** A breach of the contract found in a response: where, which rule, and a one-line (value-free) description. */
export interface Violation {
  readonly code: 'CONTRACT_VIOLATION' | 'UNDECLARED_STATUS' | 'NOT_JSON';
  /** JSON pointer into the response body ('' for the body as a whole). */
  readonly pointer: string;
  readonly rule: string;
  readonly detail: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The media type of a Content-Type header, lower-cased, without parameters ('' when absent). */
export function mediaTypeOf(contentType: unknown): string {
  if (typeof contentType !== 'string') return '';
  const cached = mediaTypeCache.get(contentType);
  if (cached !== undefined) return cached;
  const semi = contentType.indexOf(';');
  const mt = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (mediaTypeCache.size < 64) mediaTypeCache.set(contentType, mt);
  return mt;
}
const mediaTypeCache = new Map<string, string>();

/** True for application/json and every `+json` media type. */
export function isJsonMediaType(mt: string): boolean {
  return mt === 'application/json' || mt.endsWith('+json');
}

/** The declared response of one status of one operation. */
export class ResponseContract {
  /** Declared media types of the body; empty when the response has no body. */
  readonly mediaTypes: readonly string[];
  /** True when some declared media type is JSON. */
  readonly expectsJson: boolean;
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(
    private readonly ajv: Ajv2020,
    private readonly key: string,
    private readonly pointer: string,
    private readonly content: Record<string, unknown> | undefined,
  ) {
    this.mediaTypes = content ? Object.keys(content) : [];
    this.expectsJson = this.mediaTypes.some((mt) => isJsonMediaType(mediaTypeOf(mt)));
  }

  /** Validates a parsed body of media type `mediaType`; undefined when it conforms. */
  validate(mediaType: string, data: unknown): Violation | undefined {
    let fn = this.validators.get(mediaType);
    if (fn === undefined) {
      fn = this.compile(mediaType);
      this.validators.set(mediaType, fn);
    }
    if (fn === null) {
      if (this.mediaTypes.length === 0) {
        return {
          code: 'CONTRACT_VIOLATION',
          pointer: '',
          rule: 'no body',
          detail: 'the contract declares no body',
        };
      }
      return {
        code: isJsonMediaType(mediaType) || !this.expectsJson ? 'CONTRACT_VIOLATION' : 'NOT_JSON',
        pointer: '',
        rule: `content type ${this.mediaTypes.join(' | ')}`,
        detail: `content type ${mediaType || '(none)'} is not declared (${this.mediaTypes.join(', ')})`,
      };
    }
    if (fn(data)) return undefined;
    return violationFromAjv(fn.errors?.[0]);
  }

  private compile(mediaType: string): ValidateFunction | null {
    const declared =
      this.mediaTypes.find((mt) => mediaTypeOf(mt) === mediaType) ??
      this.mediaTypes.find((mt) => mt === `${mediaType.split('/')[0]}/*`) ??
      this.mediaTypes.find((mt) => mt === '*/*');
    if (declared === undefined) return null;
    if ((this.content?.[declared] as { schema?: unknown } | undefined)?.schema === undefined)
      return alwaysValid;
    const ref = `${this.key}#${this.pointer}/content/${pointerSegment(declared)}/schema`;
    return this.ajv.getSchema(ref) ?? alwaysValid;
  }
}

const alwaysValid = Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;

/** The contract of one operation: its method, path template and declared responses. */
export class OperationContract {
  private readonly responses = new Map<number, ResponseContract | null>();

  constructor(
    private readonly validator: ContractValidator,
    readonly operationId: string,
    readonly method: string,
    readonly path: string,
    private readonly pointer: string,
    private readonly declared: Record<string, unknown>,
  ) {}

  /** The declared response for `status` (exact, then `2XX`-style range, then `default`); undefined if none. */
  response(status: number): ResponseContract | undefined {
    let rc = this.responses.get(status);
    if (rc === undefined) {
      rc = this.resolve(status);
      this.responses.set(status, rc);
    }
    return rc ?? undefined;
  }

  /** The statuses the contract lists, for messages. */
  get declaredStatuses(): string[] {
    return Object.keys(this.declared);
  }

  private resolve(status: number): ResponseContract | null {
    const exact = String(status);
    const range = `${exact[0]}XX`;
    const key = exact in this.declared ? exact : range in this.declared ? range : 'default';
    if (!(key in this.declared)) return null;
    const resolved = this.validator.resolveRef(`${this.pointer}/responses/${pointerSegment(key)}`);
    const content = (resolved.value as { content?: Record<string, unknown> } | undefined)?.content;
    return this.validator.responseContract(resolved.pointer, content);
  }
}

/** One contract, registered once with ajv; operations and validators are built on first use and kept. */
export class ContractValidator {
  readonly system: string;
  private readonly document: OpenApiDocument;
  private readonly ajv: Ajv2020;
  private readonly key: string;
  private readonly operations = new Map<string, OperationContract | null>();
  private operationIndex: Map<string, { method: string; path: string; pointer: string }> | undefined;

  constructor(system: string, document: OpenApiDocument) {
    if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
      throw new TypeError(`${system}: the contract is not an OpenAPI 3.1 document`);
    }
    this.system = system;
    this.document = document;
    this.key = `kz-proactive:${encodeURIComponent(system)}`;
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, this.key, undefined, false);
  }

  /**
   * The contract of a system, from `contracts/<system>/openapi.json` (found above this file, or at `file`);
   * one instance per file for the whole process, so every client of a system shares its compiled validators.
   * @throws Error when the file is missing or not an OpenAPI 3.1 document.
   */
  static forSystem(system: string, file?: string): ContractValidator {
    const location = file ?? findContractFile(system);
    let v = loaded.get(location);
    if (!v) {
      v = new ContractValidator(system, JSON.parse(fs.readFileSync(location, 'utf8')) as OpenApiDocument);
      loaded.set(location, v);
    }
    return v;
  }

  /** The operation with this operationId, or undefined when the contract has none. */
  operation(operationId: string): OperationContract | undefined {
    let op = this.operations.get(operationId);
    if (op === undefined) {
      const found = this.index().get(operationId);
      const item = found ? this.resolveRef(found.pointer) : undefined;
      op = found
        ? new OperationContract(
            this,
            operationId,
            found.method,
            found.path,
            item!.pointer,
            ((item!.value as { responses?: Record<string, unknown> }).responses ?? {}) as Record<
              string,
              unknown
            >,
          )
        : null;
      this.operations.set(operationId, op);
    }
    return op ?? undefined;
  }

  /** Every operationId of the contract. */
  operationIds(): string[] {
    return [...this.index().keys()];
  }

  /** @internal Follows local `$ref`s of OpenAPI objects (responses, path items) to the object and its pointer. */
  resolveRef(pointer: string): { pointer: string; value: unknown } {
    let current = pointer;
    for (let hops = 0; hops < 16; hops++) {
      const value = getPointer(this.document, current);
      const ref = (value as { $ref?: unknown } | undefined)?.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#')) return { pointer: current, value };
      current = decodeURIComponent(ref.slice(1));
    }
    throw new Error(`${this.system}: $ref chain too long at ${pointer}`);
  }

  /** @internal */
  responseContract(pointer: string, content: Record<string, unknown> | undefined): ResponseContract {
    return new ResponseContract(this.ajv, this.key, encodePointer(pointer), content);
  }

  private index(): Map<string, { method: string; path: string; pointer: string }> {
    if (!this.operationIndex) {
      this.operationIndex = new Map();
      for (const [p, item] of Object.entries(this.document.paths ?? {})) {
        for (const m of METHODS) {
          const op = item?.[m] as { operationId?: unknown } | undefined;
          if (typeof op?.operationId === 'string') {
            this.operationIndex.set(op.operationId, {
              method: m.toUpperCase(),
              path: p,
              pointer: `/paths/${escapeToken(p)}/${m}`,
            });
          }
        }
      }
    }
    return this.operationIndex;
  }
}

const loaded = new Map<string, ContractValidator>();

/** Finds `contracts/<system>/openapi.json` in the nearest folder above this module that has one. */
function findContractFile(system: string): string {
  if (!/^[a-z0-9-]+$/.test(system)) throw new Error(`Not a system id: ${JSON.stringify(system)}`);
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'contracts', system, 'openapi.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No bundled contract contracts/${system}/openapi.json above ${__dirname}; run npm run gen`,
      );
    }
    dir = parent;
  }
}

function escapeToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One JSON pointer token, escaped and percent-encoded for use in a URI fragment. */
function pointerSegment(s: string): string {
  return encodeURIComponent(escapeToken(s));
}

/** A JSON pointer made safe for a URI fragment ('{', '}', '+' and ':' are percent-encoded; ajv decodes them). */
function encodePointer(pointer: string): string {
  return pointer
    .split('/')
    .map((t) => encodeURIComponent(t))
    .join('/');
}

function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return doc;
  let node: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The violation described by ajv's first error, naming the field by JSON pointer and never quoting the value. */
function violationFromAjv(err: ErrorObject | undefined): Violation {
  if (!err) return { code: 'CONTRACT_VIOLATION', pointer: '', rule: 'schema', detail: 'the body is invalid' };
  const params = err.params as Record<string, unknown>;
  let pointer = err.instancePath;
  if (err.keyword === 'required' && typeof params.missingProperty === 'string') {
    pointer += `/${escapeToken(params.missingProperty)}`;
  } else if (err.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    pointer += `/${escapeToken(params.additionalProperty)}`;
  }
  const param =
    params.pattern ??
    params.format ??
    params.type ??
    params.limit ??
    params.allowedValues ??
    params.allowedValue;
  const rule = param === undefined ? err.keyword : `${err.keyword} ${formatParam(param)}`;
  return {
    code: 'CONTRACT_VIOLATION',
    pointer,
    rule,
    detail: `${pointer || '(body)'} ${err.message ?? 'is invalid'}`,
  };
}

function formatParam(p: unknown): string {
  if (typeof p === 'string') return p;
  if (Array.isArray(p)) return p.map((x) => String(x)).join('|');
  return JSON.stringify(p) ?? String(p);
}
