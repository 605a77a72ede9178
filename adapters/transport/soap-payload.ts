import { isCalendarDate } from '../../src/domain/calendar';
import { isValidIin } from '../../src/domain/iin';
import { BadInput, ConsentMissing, ContractViolation } from './errors';
import type { Logger } from './logging';
import {
  childElement,
  childElements,
  elementPath,
  escapeXmlAttribute,
  escapeXmlText,
  type XmlElement,
} from './soap-xml';

/**
 * What the payloads of the SOAP systems share (contracts/common/shep/payload-common.xsd): the requester and consent
 * context of a request, the business `result` of a response, coded values; and the reader that turns a payload
 * into domain values, throwing a ContractViolation that names the element when a required one is missing or
 * malformed. Values are never echoed in an error: they may be personal data.
 */

/** A value from a reference book with its Kazakh and Russian names. */
export interface CodedValue<C extends string = string> {
  readonly code: C;
  readonly nameKz: string;
  readonly nameRu: string;
}

/** The state systems that ask for data (payload-common.xsd RequesterSystem, as in contracts/consent). */
export const REQUESTER_SYSTEMS = [
  'egov-portal',
  'esobes',
  'wallet',
  'sdu',
  'social-portal',
  'qazaqgaz-aimaq',
] as const;
export type RequesterSystem = (typeof REQUESTER_SYSTEMS)[number];

/** The proactive services a request serves (payload-common.xsd ServiceCode, as in contracts/consent). */
export const SERVICE_CODES = [
  'gasVoucher',
  'schoolMeals',
  'homeSchoolingCompensation',
  'socialServicesPortal',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** Who asks and why; the data holder logs it with the request. */
export interface Requester {
  readonly system: RequesterSystem;
  readonly service: ServiceCode;
  /** The requester's case, e.g. `home-schooling:2024-09:120905500017` (1..128 characters). */
  readonly caseRef?: string;
}

/** Business result codes of a payload (payload-common.xsd ResultCode); SHEP status is SCSS001 for all four. */
export const RESULT_CODES = ['OK', 'NOT_FOUND', 'CONSENT_INVALID', 'BAD_REQUEST'] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

/** The payload of a request or response body in `data`: one XML element, or that XML as an escaped string. */
export type PayloadMode = 'typed' | 'string';

/** Strict: every format breach throws; report: a breach of a format rule is logged and the value kept. */
export type SoapValidationMode = 'strict' | 'report';

/** Where a payload is read: names the call in errors and warnings. */
export interface PayloadContext {
  readonly system: string;
  readonly operation: string;
  readonly requestId: string;
  readonly validation: SoapValidationMode;
  readonly logger: Logger;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IIN_SHAPE = /^[0-9]{12}$/;

/**
 * Reads a payload for a mapping function. Missing required elements, values outside an enumeration and booleans
 * or numbers that do not parse always throw (a domain value cannot be built); breaches of format rules (date and
 * IIN shape) throw in `strict` mode and are logged in `report` mode.
 */
export class PayloadReader {
  /** The payload's `result/code`, once {@link readResult} has read it (for the call's log line). */
  resultCode: ResultCode | undefined;

  constructor(
    readonly root: XmlElement,
    private readonly ctx: PayloadContext,
  ) {}

  /** The required child `name` of `parent`. @throws ContractViolation when it is missing. */
  el(parent: XmlElement, name: string): XmlElement {
    const found = childElement(parent, name);
    if (!found) throw this.violation(`${this.path(parent)}/${name}`, 'required', 'is missing');
    return found;
  }

  /** The optional child `name` of `parent`. */
  optEl(parent: XmlElement, name: string): XmlElement | undefined {
    return childElement(parent, name);
  }

  /** Every child `name` of `parent`, in document order. */
  els(parent: XmlElement, name: string): XmlElement[] {
    return childElements(parent, name);
  }

  /** The trimmed text of the required child `name`. @throws ContractViolation when it is missing or empty. */
  text(parent: XmlElement, name: string): string {
    const value = this.el(parent, name).text.trim();
    if (value === '') throw this.violation(`${this.path(parent)}/${name}`, 'minLength 1', 'is empty');
    return value;
  }

  /** The trimmed text of the optional child `name`; undefined when absent or empty. */
  optText(parent: XmlElement, name: string): string | undefined {
    const found = childElement(parent, name);
    const value = found?.text.trim();
    return value === '' ? undefined : value;
  }

  /** A required `YYYY-MM-DD` date. */
  date(parent: XmlElement, name: string): string {
    return this.checkDate(parent, name, this.text(parent, name));
  }

  /** An optional `YYYY-MM-DD` date. */
  optDate(parent: XmlElement, name: string): string | undefined {
    const value = this.optText(parent, name);
    return value === undefined ? undefined : this.checkDate(parent, name, value);
  }

  /** A required IIN (12 digits). */
  iin(parent: XmlElement, name: string): string {
    return this.checkIin(parent, name, this.text(parent, name));
  }

  /** An optional IIN. */
  optIin(parent: XmlElement, name: string): string | undefined {
    const value = this.optText(parent, name);
    return value === undefined ? undefined : this.checkIin(parent, name, value);
  }

  /** A required xs:boolean. */
  bool(parent: XmlElement, name: string): boolean {
    const value = this.text(parent, name);
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw this.violation(`${this.path(parent)}/${name}`, 'xs:boolean', 'is not a boolean');
  }

  /** An optional positive integer up to `max`. */
  optPositiveInt(parent: XmlElement, name: string, max: number): number | undefined {
    const value = this.optText(parent, name);
    if (value === undefined) return undefined;
    const n = /^\+?[0-9]{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= 1 && n <= max)) {
      throw this.violation(`${this.path(parent)}/${name}`, `integer 1..${max}`, 'is not an integer in range');
    }
    return n;
  }

  /** The required child `name` whose text is one of `allowed`. */
  oneOf<C extends string>(parent: XmlElement, name: string, allowed: readonly C[]): C {
    const value = this.text(parent, name);
    if (!(allowed as readonly string[]).includes(value)) {
      throw this.violation(
        `${this.path(parent)}/${name}`,
        `one of ${allowed.join(', ')}`,
        'is not a value of the enumeration',
      );
    }
    return value as C;
  }

  /** A required coded value `{ code, nameKz, nameRu }` with an open code list. */
  coded(parent: XmlElement, name: string): CodedValue {
    const el = this.el(parent, name);
    return { code: this.text(el, 'code'), nameKz: this.text(el, 'nameKz'), nameRu: this.text(el, 'nameRu') };
  }

  /** An optional coded value with an open code list. */
  optCoded(parent: XmlElement, name: string): CodedValue | undefined {
    return childElement(parent, name) ? this.coded(parent, name) : undefined;
  }

  /** A required coded value whose code is one of `allowed`. */
  codedOf<C extends string>(parent: XmlElement, name: string, allowed: readonly C[]): CodedValue<C> {
    const el = this.el(parent, name);
    return {
      code: this.oneOf(el, 'code', allowed),
      nameKz: this.text(el, 'nameKz'),
      nameRu: this.text(el, 'nameRu'),
    };
  }

  /** An optional coded value whose code is one of `allowed`. */
  optCodedOf<C extends string>(
    parent: XmlElement,
    name: string,
    allowed: readonly C[],
  ): CodedValue<C> | undefined {
    return childElement(parent, name) ? this.codedOf(parent, name, allowed) : undefined;
  }

  /**
   * Reads `result/code` and returns the data element `name`, which the contract requires exactly when the result
   * is OK; null for NOT_FOUND (an answer, not a failure). CONSENT_INVALID throws ConsentMissing, BAD_REQUEST
   * BadInput, with the holder's code as `problemCode`.
   * @throws ConsentMissing, BadInput, ContractViolation (no result, an unknown code, OK without the data element).
   */
  data(name: string): XmlElement | null {
    const result = this.el(this.root, 'result');
    const code = this.oneOf(result, 'code', RESULT_CODES);
    this.resultCode = code;
    if (code === 'NOT_FOUND') return null;
    if (code === 'OK') return this.el(this.root, name);
    // The holder's `detail` is meant for logs and never carries personal data; the error masks it anyway.
    const detail = this.optText(result, 'detail');
    const init = {
      system: this.ctx.system,
      operation: this.ctx.operation,
      requestId: this.ctx.requestId,
      problemCode: code,
      detail: detail === undefined ? code : `${code}: ${detail.slice(0, 300)}`,
    };
    throw code === 'CONSENT_INVALID' ? new ConsentMissing(init) : new BadInput(init);
  }

  /** @throws ContractViolation unless `actual` equals what the request asked for (an answer about someone else). */
  expectSame(parent: XmlElement, name: string, actual: string, asked: string): void {
    if (actual !== asked) {
      throw this.violation(
        `${this.path(parent)}/${name}`,
        'the value of the request',
        'is not the value the request asked for',
      );
    }
  }

  /** A ContractViolation for the element at `pointer`; `detail` follows the pointer in the message. */
  violation(pointer: string, rule: string, detail: string): ContractViolation {
    return new ContractViolation({
      system: this.ctx.system,
      operation: this.ctx.operation,
      requestId: this.ctx.requestId,
      pointer,
      rule,
      detail: `${pointer} ${detail}`,
    });
  }

  /** The path of `el` from the payload root, e.g. `/getPersonResponse/person`. */
  path(el: XmlElement): string {
    return elementPath(el, this.root);
  }

  private formatBreach(pointer: string, rule: string, detail: string): void {
    const err = this.violation(pointer, rule, detail);
    if (this.ctx.validation === 'strict') throw err;
    this.ctx.logger.warn(
      {
        system: this.ctx.system,
        operation: this.ctx.operation,
        requestId: this.ctx.requestId,
        code: err.code,
        pointer,
        rule,
      },
      `response breaks the contract: ${pointer} ${detail}`,
    );
  }

  private checkDate(parent: XmlElement, name: string, value: string): string {
    if (!DATE.test(value) || !isCalendarDate(value)) {
      this.formatBreach(`${this.path(parent)}/${name}`, 'date YYYY-MM-DD', 'is not a date (YYYY-MM-DD)');
    }
    return value;
  }

  private checkIin(parent: XmlElement, name: string, value: string): string {
    if (!IIN_SHAPE.test(value))
      this.formatBreach(`${this.path(parent)}/${name}`, 'pattern [0-9]{12}', 'is not an IIN');
    return value;
  }
}

// ---------- the request side: arguments checked before anything is sent ----------

/** Where an argument is checked: names the call in the error. */
export interface CallSite {
  readonly system: string;
  readonly operation: string;
}

function badArgument(site: CallSite, detail: string): BadInput {
  return new BadInput({ system: site.system, operation: site.operation, detail });
}

/**
 * @throws BadInput when `iin` is not a valid IIN; the message names the argument, never its value (an almost
 * valid IIN is still personal data).
 */
export function checkIinArgument(site: CallSite, iin: unknown, argument: string): asserts iin is string {
  if (typeof iin !== 'string' || !isValidIin(iin)) {
    throw badArgument(
      site,
      `${argument} is not a valid IIN (12 digits, a real birth date, a correct check digit)`,
    );
  }
}

const CONSENT_TOKEN = /^[A-Za-z0-9._~+/=-]{16,4096}$/;

/**
 * A consent token that must be there (GBD FL): missing or empty is ConsentMissing, malformed is BadInput.
 * @throws ConsentMissing, BadInput.
 */
export function checkRequiredConsentToken(site: CallSite, token: unknown): asserts token is string {
  if (token === undefined || token === null || token === '') {
    throw new ConsentMissing({
      system: site.system,
      operation: site.operation,
      detail: 'consentToken is required: obtain the consent through the consent service (checkConsent) first',
    });
  }
  checkOptionalConsentToken(site, token);
}

/** A consent token that may be absent (MODB). @throws BadInput when present and malformed. */
export function checkOptionalConsentToken(
  site: CallSite,
  token: unknown,
): asserts token is string | undefined {
  if (token === undefined) return;
  if (typeof token !== 'string' || !CONSENT_TOKEN.test(token)) {
    throw badArgument(site, 'consentToken must be 16..4096 characters of A-Z a-z 0-9 . _ ~ + / = -');
  }
}

/** @throws BadInput when the requester is not one the contract allows. */
export function checkRequester(site: CallSite, requester: unknown): asserts requester is Requester {
  const r = requester as Partial<Requester> | undefined;
  if (typeof r !== 'object' || r === null) throw badArgument(site, 'requester is required');
  if (!(REQUESTER_SYSTEMS as readonly unknown[]).includes(r.system)) {
    throw badArgument(site, `requester.system must be one of ${REQUESTER_SYSTEMS.join(', ')}`);
  }
  if (!(SERVICE_CODES as readonly unknown[]).includes(r.service)) {
    throw badArgument(site, `requester.service must be one of ${SERVICE_CODES.join(', ')}`);
  }
  if (
    r.caseRef !== undefined &&
    (typeof r.caseRef !== 'string' || r.caseRef.length < 1 || r.caseRef.length > 128)
  ) {
    throw badArgument(site, 'requester.caseRef must be 1..128 characters');
  }
}

/** @throws BadInput unless `date` is a calendar date `YYYY-MM-DD`. */
export function checkDateArgument(site: CallSite, date: unknown, argument: string): asserts date is string {
  if (typeof date !== 'string' || !DATE.test(date) || !isCalendarDate(date)) {
    throw badArgument(site, `${argument} must be a date YYYY-MM-DD`);
  }
}

/** The `context` element of a request: the consent token when there is one, then the requester. */
export function contextXml(requester: Requester, consentToken: string | undefined): string {
  let xml = '<context>';
  if (consentToken !== undefined) xml += `<consentToken>${escapeXmlText(consentToken)}</consentToken>`;
  xml += `<requester><system>${requester.system}</system><service>${requester.service}</service>`;
  if (requester.caseRef !== undefined) xml += `<caseRef>${escapeXmlText(requester.caseRef)}</caseRef>`;
  return `${xml}</requester></context>`;
}

/** A payload root `<prefix:name xmlns:prefix="ns">` around `inner`: only the root is namespaced. */
export function payloadXml(prefix: string, ns: string, name: string, inner: string): string {
  return `<${prefix}:${name} xmlns:${prefix}="${escapeXmlAttribute(ns)}">${inner}</${prefix}:${name}>`;
}

/** `<name>value</name>` with the value escaped. */
export function leafXml(name: string, value: string): string {
  return `<${name}>${escapeXmlText(value)}</${name}>`;
}

/** `value` without its undefined properties: domain types leave absent fields out rather than set to undefined. */
export function definedOnly<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
