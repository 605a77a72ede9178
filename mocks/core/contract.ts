import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldError } from './problem';

/**
 * A system's contract as a mock reads it: the bundled OpenAPI 3.1 document (`contracts/<id>/openapi.json`),
 * its operations matched by path template and method, requests validated (path, query and header parameters
 * with coercion from strings; JSON bodies with ajv 2020 and formats) and, for tests, responses validated.
 * Written here rather than shared with adapters/transport on purpose: a mock that runs the adapter's code cannot
 * catch the adapter's bugs (architecture.md). Schemas are compiled lazily by JSON pointer into the document, once.
 */

/** The parts of an OpenAPI 3.1 document read here. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths?: Record<string, Record<string, unknown>>;
  readonly components?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Header parameters that OpenAPI says to ignore (they are described elsewhere). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const IDEMPOTENCY_HEADER = 'idempotency-key';

/** One declared parameter, resolved. */
export interface ContractParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  /** JSON pointer of its schema in the document. */
  readonly schemaPointer: string | undefined;
}

/** One operation of the contract. */
export interface ContractOperation {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly pointer: string;
  readonly parameters: readonly ContractParameter[];
  /** Declared request body: required or not, and the schema pointer per media type. */
  readonly requestBody?: {
    readonly required: boolean;
    readonly media: ReadonlyMap<string, string | undefined>;
  };
  /** True when the operation takes an `Idempotency-Key` header (side-effecting). */
  readonly idempotent: boolean;
}

/** What a method and path resolve to. */
export type RouteMatch =
  | { readonly kind: 'operation'; readonly operation: ContractOperation; readonly rawPathParams: string[] }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

/** A request as the validator reads it. */
export interface RequestInput {
  readonly rawPathParams: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Media type of the body (lower case, no parameters), '' when absent. */
  readonly mediaType: string;
  /** True when the request carried a body. */
  readonly hasBody: boolean;
  /** The parsed JSON body; call only when the media type is JSON. @throws SyntaxError for malformed JSON. */
  readonly json: () => unknown;
}

/** The validated, coerced request. */
export interface ValidRequest {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  readonly body: unknown;
}

/** Result of request validation: either the values, or a status (400, 415) with field errors. */
export type RequestValidation =
  | { readonly ok: true; readonly value: ValidRequest }
  | {
      readonly ok: false;
      readonly status: 400 | 415;
      readonly code: string;
      readonly title?: string;
      readonly errors: FieldError[];
      readonly detail: string;
    };

interface CompiledRoute {
  readonly regex: RegExp;
  readonly template: string;
  readonly operations: Map<string, ContractOperation>;
  readonly literalLength: number;
  readonly paramCount: number;
}

/** The media type of a Content-Type header, lower case, no parameters ('' when absent). */
export function mediaTypeOf(contentType: unknown): string {
  if (typeof contentType !== 'string') return '';
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** True for application/json and `+json` media types. */
export function isJsonMediaType(mt: string): boolean {
  return mt === 'application/json' || mt.endsWith('+json');
}

function escapeToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON pointer made safe for a URI fragment, as ajv wants it in a `$ref`. */
function fragment(pointer: string): string {
  return pointer
    .split('/')
    .map((t) => encodeURIComponent(t))
    .join('/');
}

function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let node: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `body/iins/0` style location of an ajv error, naming the missing or extra property when there is one. */
function fieldErrorFromAjv(location: string, err: ErrorObject): FieldError {
  const params = err.params as Record<string, unknown>;
  let pointer = err.instancePath;
  if (err.keyword === 'required' && typeof params.missingProperty === 'string') {
    pointer += `/${escapeToken(params.missingProperty)}`;
  } else if (err.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    pointer += `/${escapeToken(params.additionalProperty)}`;
  }
  const message = err.keyword === 'required' ? 'is required' : (err.message ?? 'is invalid');
  return { path: `${location}${pointer}`, message };
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const loaded = new Map<string, MockContract>();

/** A loaded contract; see the module comment. */
export class MockContract {
  readonly system: string;
  readonly document: OpenApiDocument;
  private readonly key: string;
  private readonly bodyAjv: Ajv2020;
  private readonly paramAjv: Ajv2020;
  private readonly routes: CompiledRoute[] = [];
  private readonly byId = new Map<string, ContractOperation>();
  private readonly compiled = new Map<string, ValidateFunction>();

  /** @throws TypeError when `document` is not OpenAPI 3.1. */
  constructor(system: string, document: OpenApiDocument) {
    if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
      throw new TypeError(`${system}: the contract is not an OpenAPI 3.1 document`);
    }
    this.system = system;
    this.document = document;
    this.key = `kz-proactive-mock:${encodeURIComponent(system)}`;
    // Bodies: no coercion, every error (field-level errors are the point of a 400).
    this.bodyAjv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    // Parameters arrive as strings: coerce to the declared types, and single values to arrays.
    this.paramAjv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateSchema: false,
      coerceTypes: 'array',
    });
    for (const ajv of [this.bodyAjv, this.paramAjv]) {
      addFormats(ajv);
      ajv.addSchema(document as object, this.key, undefined, false);
    }
    this.index();
  }

  /**
   * The contract of a system from `contracts/<system>/openapi.json` (the nearest one above this module), or from
   * `file`; one instance per file for the process, so compiled validators are shared.
   * @throws Error when the file is missing or is not OpenAPI 3.1.
   */
  static forSystem(system: string, file?: string): MockContract {
    const location = file ?? findContractFile(system);
    let contract = loaded.get(location);
    if (!contract) {
      contract = new MockContract(system, JSON.parse(fs.readFileSync(location, 'utf8')) as OpenApiDocument);
      loaded.set(location, contract);
    }
    return contract;
  }

  /** Every operation. */
  operations(): ContractOperation[] {
    return [...this.byId.values()];
  }

  /** The operation with this id, or undefined. */
  operation(operationId: string): ContractOperation | undefined {
    return this.byId.get(operationId);
  }

  /** Resolves `method` and a raw (still percent-encoded) path to an operation, a 405 or a 404. */
  match(method: string, rawPath: string): RouteMatch {
    const m = method.toLowerCase();
    let allowed: string[] | undefined;
    for (const route of this.routes) {
      const found = route.regex.exec(rawPath);
      if (!found) continue;
      const op = route.operations.get(m) ?? (m === 'head' ? route.operations.get('get') : undefined);
      if (op) return { kind: 'operation', operation: op, rawPathParams: found.slice(1) };
      allowed ??= [...route.operations.keys()].map((x) => x.toUpperCase());
    }
    return allowed ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }

  /** Validates a request against its operation, coercing parameters to their declared types. */
  validateRequest(op: ContractOperation, input: RequestInput): RequestValidation {
    const errors: FieldError[] = [];
    const values: Record<'path' | 'query' | 'header', Record<string, unknown>> = {
      path: {},
      query: {},
      header: {},
    };
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const names = /\{([^}]+)\}/g;
    const templateNames = [...op.pathTemplate.matchAll(names)].map((x) => x[1]!);
    templateNames.forEach((name, i) => {
      const raw = input.rawPathParams[i] ?? '';
      try {
        values.path[name] = decodeURIComponent(raw);
      } catch {
        errors.push({ path: `path/${name}`, message: 'is not valid percent-encoding' });
      }
    });
    for (const p of op.parameters) {
      if (p.in === 'query') {
        const all = input.query.getAll(p.name);
        if (all.length === 1) values.query[p.name] = all[0];
        else if (all.length > 1) values.query[p.name] = all;
      } else if (p.in === 'header') {
        const v = input.headers[p.name.toLowerCase()];
        if (v !== undefined) values.header[p.name.toLowerCase()] = v;
      }
    }
    for (const where of ['path', 'query', 'header'] as const) {
      const declared = (where === 'path' ? pathParams : op.parameters.filter((p) => p.in === where)).filter(
        (p) => !(where === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())),
      );
      if (declared.length === 0) continue;
      const validate = this.paramValidator(op, where, declared);
      if (!validate(values[where])) {
        for (const e of validate.errors ?? []) errors.push(fieldErrorFromAjv(where, e));
      }
    }

    let body: unknown = undefined;
    const rb = op.requestBody;
    if (rb) {
      if (!input.hasBody) {
        if (rb.required) errors.push({ path: 'body', message: 'is required' });
      } else {
        const declared = [...rb.media.keys()];
        const mt = input.mediaType;
        const mediaKey =
          declared.find((d) => mediaTypeOf(d) === mt) ??
          declared.find((d) => d === `${mt.split('/')[0]}/*`) ??
          declared.find((d) => d === '*/*');
        if (mediaKey === undefined) {
          return {
            ok: false,
            status: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            errors: [{ path: 'header/content-type', message: `must be one of ${declared.join(', ')}` }],
            detail: `Content-Type ${mt || '(none)'} is not accepted; send ${declared.join(' or ')}`,
          };
        }
        if (isJsonMediaType(mediaTypeOf(mediaKey))) {
          try {
            body = input.json();
          } catch {
            return {
              ok: false,
              status: 400,
              code: 'MALFORMED_JSON',
              title: 'Malformed JSON',
              errors: [{ path: 'body', message: 'is not valid JSON' }],
              detail: 'The request body is not valid JSON',
            };
          }
          const schemaPointer = rb.media.get(mediaKey);
          if (schemaPointer !== undefined) {
            const validate = this.schemaAt(this.bodyAjv, 'body', schemaPointer);
            if (!validate(body)) {
              for (const e of validate.errors ?? []) errors.push(fieldErrorFromAjv('body', e));
            }
          }
        }
      }
    }
    if (errors.length > 0) {
      const unique = dedupe(errors);
      return {
        ok: false,
        status: 400,
        code: 'VALIDATION',
        errors: unique,
        detail: unique
          .slice(0, 5)
          .map((e) => `${e.path} ${e.message}`)
          .join('; '),
      };
    }
    return { ok: true, value: { path: values.path, query: values.query, headers: values.header, body } };
  }

  /**
   * Checks a response against the contract: the status is declared (exactly, as `4XX`, or `default`), the media
   * type is declared, and a JSON body conforms to its schema. Returns the violations (empty when it conforms).
   */
  validateResponse(operationId: string, status: number, body: unknown, contentType?: string): string[] {
    const op = this.byId.get(operationId);
    if (!op) return [`${this.system} has no operation ${operationId}`];
    const responses = (getPointer(this.document, op.pointer) as { responses?: Record<string, unknown> })
      .responses;
    const declared = Object.keys(responses ?? {});
    const exact = String(status);
    const key = declared.includes(exact)
      ? exact
      : declared.includes(`${exact[0]}XX`)
        ? `${exact[0]}XX`
        : declared.includes('default')
          ? 'default'
          : undefined;
    if (key === undefined) {
      return [`${operationId}: status ${status} is not declared (declared: ${declared.join(', ')})`];
    }
    const resolved = this.resolveRef(`${op.pointer}/responses/${escapeToken(key)}`);
    const content = (resolved.value as { content?: Record<string, { schema?: unknown }> } | undefined)
      ?.content;
    if (!content || Object.keys(content).length === 0) {
      return body === undefined || body === ''
        ? []
        : [`${operationId} ${status}: the contract declares no body`];
    }
    const mt = contentType === undefined ? undefined : mediaTypeOf(contentType);
    const mediaKey =
      mt === undefined
        ? Object.keys(content).find((k) => isJsonMediaType(mediaTypeOf(k)))
        : Object.keys(content).find((k) => mediaTypeOf(k) === mt);
    if (mediaKey === undefined) {
      return [
        `${operationId} ${status}: content type ${mt ?? '(none)'} is not declared (${Object.keys(content).join(', ')})`,
      ];
    }
    if (content[mediaKey]?.schema === undefined) return [];
    const validate = this.schemaAt(
      this.bodyAjv,
      'response',
      `${resolved.pointer}/content/${escapeToken(mediaKey)}/schema`,
    );
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => {
      const f = fieldErrorFromAjv('body', e);
      return `${operationId} ${status}: ${f.path} ${f.message}`;
    });
  }

  /** Validates `value` against the schema at a JSON pointer of the document (e.g. a component schema). */
  validateAt(pointer: string, value: unknown): FieldError[] {
    const validate = this.schemaAt(this.bodyAjv, 'value', pointer);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => fieldErrorFromAjv('', e));
  }

  private resolveRef(pointer: string): { pointer: string; value: unknown } {
    let current = pointer;
    for (let hops = 0; hops < 16; hops++) {
      const value = getPointer(this.document, current);
      const ref = (value as { $ref?: unknown } | undefined)?.$ref;
      if (typeof ref !== 'string' || !ref.startsWith('#')) return { pointer: current, value };
      current = decodeURIComponent(ref.slice(1));
    }
    throw new Error(`${this.system}: $ref chain too long at ${pointer}`);
  }

  private schemaAt(ajv: Ajv2020, kind: string, pointer: string): ValidateFunction {
    const cacheKey = `${kind}\u0000${pointer}`;
    let fn = this.compiled.get(cacheKey);
    if (!fn) {
      fn = ajv.compile({ $ref: `${this.key}#${fragment(pointer)}` });
      this.compiled.set(cacheKey, fn);
    }
    return fn;
  }

  private paramValidator(
    op: ContractOperation,
    where: 'path' | 'query' | 'header',
    declared: readonly ContractParameter[],
  ): ValidateFunction {
    const cacheKey = `params\u0000${op.operationId}\u0000${where}`;
    let fn = this.compiled.get(cacheKey);
    if (!fn) {
      const properties: Record<string, unknown> = {};
      const required: string[] = [];
      for (const p of declared) {
        const name = where === 'header' ? p.name.toLowerCase() : p.name;
        properties[name] = p.schemaPointer ? { $ref: `${this.key}#${fragment(p.schemaPointer)}` } : {};
        if (p.required || where === 'path') required.push(name);
      }
      fn = this.paramAjv.compile({ type: 'object', properties, required });
      this.compiled.set(cacheKey, fn);
    }
    return fn;
  }

  private index(): void {
    for (const template of Object.keys(this.document.paths ?? {})) {
      const itemPointer = `/paths/${escapeToken(template)}`;
      const item = this.resolveRef(itemPointer);
      const itemValue = (item.value ?? {}) as Record<string, unknown>;
      const operations = new Map<string, ContractOperation>();
      for (const m of METHODS) {
        const raw = itemValue[m] as
          { operationId?: unknown; parameters?: unknown[]; requestBody?: unknown } | undefined;
        if (!raw) continue;
        const opPointer = `${item.pointer}/${m}`;
        const operationId = typeof raw.operationId === 'string' ? raw.operationId : `${m} ${template}`;
        const parameters = this.parameters(item.pointer, itemValue, opPointer, raw);
        const op: ContractOperation = {
          operationId,
          method: m.toUpperCase(),
          pathTemplate: template,
          pointer: opPointer,
          parameters,
          ...(raw.requestBody === undefined
            ? {}
            : { requestBody: this.requestBody(`${opPointer}/requestBody`) }),
          idempotent: parameters.some(
            (p) => p.in === 'header' && p.name.toLowerCase() === IDEMPOTENCY_HEADER,
          ),
        };
        operations.set(m, op);
        this.byId.set(operationId, op);
      }
      let regex = '^';
      let literalLength = 0;
      let paramCount = 0;
      for (const part of template.split(/(\{[^}]+\})/)) {
        if (part.startsWith('{') && part.endsWith('}')) {
          regex += '([^/]+)';
          paramCount++;
        } else {
          regex += escapeRegex(part);
          literalLength += part.length;
        }
      }
      this.routes.push({ regex: new RegExp(`${regex}$`), template, operations, literalLength, paramCount });
    }
    // Concrete paths before templated ones (OpenAPI's rule), then the most specific template.
    this.routes.sort((a, b) => a.paramCount - b.paramCount || b.literalLength - a.literalLength);
  }

  private parameters(
    itemPointer: string,
    item: Record<string, unknown>,
    opPointer: string,
    op: { parameters?: unknown[] },
  ): ContractParameter[] {
    const byKey = new Map<string, ContractParameter>();
    const collect = (list: unknown[] | undefined, base: string) => {
      (list ?? []).forEach((_, i) => {
        const resolved = this.resolveRef(`${base}/parameters/${i}`);
        const p = resolved.value as { name?: unknown; in?: unknown; required?: unknown; schema?: unknown };
        if (typeof p?.name !== 'string' || typeof p.in !== 'string') return;
        const where = p.in as ContractParameter['in'];
        byKey.set(`${where}:${where === 'header' ? p.name.toLowerCase() : p.name}`, {
          name: p.name,
          in: where,
          required: p.required === true,
          schemaPointer: p.schema === undefined ? undefined : `${resolved.pointer}/schema`,
        });
      });
    };
    // Operation-level parameters override path-item ones with the same name and location.
    collect(item.parameters as unknown[] | undefined, itemPointer);
    collect(op.parameters, opPointer);
    return [...byKey.values()];
  }

  private requestBody(pointer: string): NonNullable<ContractOperation['requestBody']> {
    const resolved = this.resolveRef(pointer);
    const rb = (resolved.value ?? {}) as {
      required?: unknown;
      content?: Record<string, { schema?: unknown }>;
    };
    const media = new Map<string, string | undefined>();
    for (const [mt, entry] of Object.entries(rb.content ?? {})) {
      media.set(
        mt,
        entry?.schema === undefined ? undefined : `${resolved.pointer}/content/${escapeToken(mt)}/schema`,
      );
    }
    return { required: rb.required === true, media };
  }
}

/** Finds `contracts/<system>/openapi.json` in the nearest folder above this module that has one. */
export function findContractFile(system: string): string {
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
