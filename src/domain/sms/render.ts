/**
 * Looking up and filling in the SMS templates. Rendering is strict on purpose: a text that goes to a citizen with
 * a blank name or an unfilled `{placeholder}` is worse than no text, so every gap is an error at the call site.
 */
import { DomainValidationError } from '../errors';
import {
  SMS_TEMPLATES,
  type SmsLanguage,
  type SmsPurpose,
  type SmsService,
  type SmsTemplate,
} from './templates';
import type { SmsTemplateId } from './templates';

/** Matches a placeholder; braces around anything but an ASCII camelCase name are literal text of the act. */
const PLACEHOLDER = /\{([a-z][A-Za-z0-9]*)\}/g;

/** What `listSmsTemplates` can filter on; every given field must match. */
export interface SmsTemplateFilter {
  readonly service?: SmsService;
  readonly language?: SmsLanguage;
  readonly purpose?: SmsPurpose;
  readonly rulesVersion?: SmsTemplate['rulesVersion'];
}

/** Values for a template's placeholders, by placeholder name. */
export type SmsValues = Readonly<Record<string, string | number>>;

/** Echo an id in an error only when it looks like one, so that arbitrary input is never repeated back. */
function describeId(id: unknown): string {
  return typeof id === 'string' && /^[A-Za-z0-9.]{1,64}$/.test(id) ? `'${id}'` : 'the given id';
}

/**
 * The template with this id.
 * @throws DomainValidationError SMS_UNKNOWN_TEMPLATE when there is none.
 */
export function getSmsTemplate(templateId: SmsTemplateId | (string & {})): SmsTemplate {
  const found = SMS_TEMPLATES.find((t) => t.id === templateId);
  if (!found) {
    throw new DomainValidationError(
      'SMS_UNKNOWN_TEMPLATE',
      `no SMS template has ${describeId(templateId)} as its id`,
      'See listSmsTemplates() for the ids, e.g. gas.consentRequest.kk or hs.form2.kk.',
    );
  }
  return found;
}

/** The templates, optionally filtered by service, language, purpose and rules version. */
export function listSmsTemplates(filter: SmsTemplateFilter = {}): readonly SmsTemplate[] {
  return SMS_TEMPLATES.filter(
    (t) =>
      (filter.service === undefined || t.service === filter.service) &&
      (filter.language === undefined || t.language === filter.language) &&
      (filter.purpose === undefined || t.purpose === filter.purpose) &&
      (filter.rulesVersion === undefined || t.rulesVersion === filter.rulesVersion),
  );
}

/** The placeholder names that occur in a template text, in order of first appearance. */
export function placeholderNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * The template's text with every placeholder replaced by its value.
 * @throws DomainValidationError SMS_UNKNOWN_TEMPLATE for an unknown id, SMS_MISSING_VALUE when a placeholder has
 * no value, SMS_UNKNOWN_VALUE for a value the template has no placeholder for, SMS_EMPTY_VALUE for a blank value,
 * SMS_BAD_VALUE for a value that is neither a string nor a finite number.
 */
export function renderSms(templateId: SmsTemplateId | (string & {}), values: SmsValues): string {
  const template = getSmsTemplate(templateId);
  if (typeof values !== 'object' || values === null) {
    throw new DomainValidationError('SMS_BAD_VALUE', 'values must be an object of placeholder values');
  }
  const expected = template.placeholders.map((p) => p.name);
  const given = Object.keys(values);
  const missing = expected.filter((name) => !Object.prototype.hasOwnProperty.call(values, name));
  if (missing.length > 0) {
    throw new DomainValidationError(
      'SMS_MISSING_VALUE',
      `SMS template '${template.id}' needs a value for: ${missing.join(', ')}`,
      `Pass values for ${expected.join(', ') || 'nothing'}.`,
    );
  }
  const unknown = given.filter((name) => !expected.includes(name));
  if (unknown.length > 0) {
    throw new DomainValidationError(
      'SMS_UNKNOWN_VALUE',
      `SMS template '${template.id}' has no placeholder named: ${unknown.map((n) => describeId(n)).join(', ')}`,
      `Its placeholders are: ${expected.join(', ') || 'none'}.`,
    );
  }
  const text: Record<string, string> = {};
  for (const name of expected) {
    const v: unknown = values[name];
    // The value itself is never echoed: names, bank accounts and codes are personal data.
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        throw new DomainValidationError('SMS_BAD_VALUE', `value for '${name}' is not a finite number`);
      }
      text[name] = String(v);
    } else if (typeof v === 'string') {
      if (v.trim() === '') {
        throw new DomainValidationError(
          'SMS_EMPTY_VALUE',
          `value for '${name}' is blank`,
          'Pass a non-blank value.',
        );
      }
      text[name] = v;
    } else {
      throw new DomainValidationError('SMS_BAD_VALUE', `value for '${name}' must be a string or a number`);
    }
  }
  // One pass over the template, so braces inside a value are never taken for a placeholder.
  return template.text.replace(PLACEHOLDER, (whole, name: string) => text[name] ?? whole);
}
