import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { isKzMobilePhone, isValidIin, isValidKzIban } from '../src/domain';
import { SYSTEMS } from '../src/systems';

// Every example in every OpenAPI contract must describe a synthetic person whose identifiers pass the domain
// validators: a contract example is what partners copy into their own tests.

const root = path.resolve(__dirname, '..');
const STRUCTURAL = new Set([
  'example',
  'examples',
  'value',
  'items',
  'properties',
  'schema',
  'content',
  'application/json',
  'application/problem+json',
  'allOf',
  'oneOf',
  'anyOf',
  'prefixItems',
]);

const PROSE = new Set(['pattern', 'description', 'summary', 'title', '$ref']);

type Finding = { where: string; kind: 'iin' | 'phone' | 'iban'; value: string };

function kindOf(key: string): Finding['kind'] | undefined {
  if (/(^|[a-z])iins?$/i.test(key)) return 'iin';
  if (/phones?$/i.test(key)) return 'phone';
  if (/ibans?$/i.test(key)) return 'iban';
  return undefined;
}

/** Walks a parsed YAML document and returns every string that stands for an IIN, a phone or an IBAN. */
function identifiers(node: unknown, context: string, where: string, out: Finding[]): Finding[] {
  if (typeof node === 'string') {
    const kind = kindOf(context);
    if (kind && !node.startsWith('^') && !node.includes('{')) out.push({ where, kind, value: node });
    return out;
  }
  if (Array.isArray(node)) {
    node.forEach((v, i) => identifiers(v, context, `${where}[${i}]`, out));
    return out;
  }
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    // A parameter object: its example belongs to the parameter's name.
    const paramName = typeof obj.name === 'string' && typeof obj.in === 'string' ? obj.name : undefined;
    for (const [k, v] of Object.entries(obj)) {
      // Extensions (x-enumDescriptions, …) and prose hold words, not identifiers.
      if (k.startsWith('x-') || PROSE.has(k)) continue;
      const next =
        paramName && (k === 'example' || k === 'examples') ? paramName : STRUCTURAL.has(k) ? context : k;
      identifiers(v, next, `${where}.${k}`, out);
    }
  }
  return out;
}

const check: Record<Finding['kind'], (s: string) => boolean> = {
  iin: isValidIin,
  phone: (s) => isKzMobilePhone(s) && /^\+77\d{9}$/.test(s),
  iban: isValidKzIban,
};

const documents = [
  'contracts/common/common.yaml',
  ...SYSTEMS.filter((s) => s.protocol === 'rest').map((s) => s.contract),
];

describe('contract examples are synthetic people that pass the domain validators', () => {
  it.each(documents)('%s', (file) => {
    const doc: unknown = parse(fs.readFileSync(path.join(root, file), 'utf8'));
    const found = identifiers(doc, '', file, []);
    expect(found.length).toBeGreaterThan(0);
    const bad = found.filter((f) => !check[f.kind](f.value)).map((f) => `${f.where} (${f.kind}): ${f.value}`);
    expect(bad).toEqual([]);
  });

  it('the walker finds an invalid IIN when there is one', () => {
    const found = identifiers({ example: { childIin: '850312400018' } }, '', 'x', []);
    expect(found).toEqual([{ where: 'x.example.childIin', kind: 'iin', value: '850312400018' }]);
    expect(isValidIin(found[0]!.value)).toBe(false);
  });
});
