import * as fs from 'fs';
import * as path from 'path';
import { SMS_TEMPLATES } from '../sms/templates';
import { LEGAL_ACTS, type Citation } from './citation';
import { GAS_VOUCHER_VERSIONS } from './gas-voucher';
import { HOME_SCHOOLING_RULES } from './home-schooling';
import { SCHOOL_MEALS_RULES } from './school-meals';
import { SOCIAL_PORTAL_RULES } from './social-portal';

const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const seedText = new Map<string, string>();
function seed(file: string): string {
  if (!seedText.has(file)) seedText.set(file, collapse(fs.readFileSync(path.join(SEEDS, file), 'utf8')));
  return seedText.get(file)!;
}

/** Every object in the rule data that looks like a citation. */
function citationsIn(value: unknown, at: string, out: [string, Citation][] = []): [string, Citation][] {
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  if (typeof v.seed === 'string' && typeof v.clause === 'string') out.push([at, v as unknown as Citation]);
  for (const [k, child] of Object.entries(v)) citationsIn(child, `${at}.${k}`, out);
  return out;
}

const all = citationsIn(
  { GAS_VOUCHER_VERSIONS, SCHOOL_MEALS_RULES, HOME_SCHOOLING_RULES, SOCIAL_PORTAL_RULES, SMS_TEMPLATES },
  'rules',
);

describe('citations', () => {
  it('there are citations to check in every seed', () => {
    const seeds = new Set(all.map(([, c]) => c.seed));
    expect([...seeds].sort()).toEqual(
      Object.values(LEGAL_ACTS)
        .map((a) => a.seed)
        .sort(),
    );
  });

  it.each(all.filter(([, c]) => c.quote !== undefined))('%s quotes its seed verbatim', (_, c) => {
    expect(seed(c.seed)).toContain(collapse(c.quote!));
  });

  it.each(all)('%s names its act and the date it took effect', (_, c) => {
    const act = Object.values(LEGAL_ACTS).find((a) => a.seed === c.seed)!;
    expect(c.act).toBe(act.act);
    expect(c.effectiveFrom).toBe(act.effectiveFrom);
  });

  it('the check catches a quote that is not in the seed', () => {
    expect(seed('000_10c451d0a2d1ef22.txt')).not.toContain(
      collapse('ай сайын ағымдағы айдың 7-нен бастап 26-ін'),
    );
  });
});

describe("the acts (each seed's entry-into-force clause)", () => {
  it('gas order: pilot 5 Dec 2024 – 30 Apr 2025 inclusive (seed 000 cl. 3)', () => {
    expect(seed(LEGAL_ACTS.gasOrder2024.seed)).toContain(
      '2024 жылғы 5 желтоқсаннан бастап 2025 жылғы 30 сәуірді қоса алған кезеңге дейін',
    );
  });

  it('gas amendment: in force from 25 Aug 2025 (seed 001 para. 13)', () => {
    expect(seed(LEGAL_ACTS.gasAmendment2025.seed)).toContain('вводится в действие с 25 августа 2025 года');
  });

  it('meals order: 12 months from the last signature, both dated 17 Nov 2023 (seed 002 order cl. 9)', () => {
    const text = seed(LEGAL_ACTS.mealsOrder2023.seed);
    expect(text).toContain('12 (он екі) ай ішінде қолданыста болады');
    expect(text).toContain('2023 жылғы 17 қарашадағы№ 341');
    expect(text).toContain('2023 жылғы 17 қарашадағы№ 556/НҚ');
  });

  it('home-schooling order: until 31 Dec 2024 (seed 003 cl. 6)', () => {
    expect(seed(LEGAL_ACTS.homeSchoolingOrder2024.seed)).toContain(
      '2024 жылғы 31 желтоқсанға дейін қолданылады',
    );
  });

  it('portal rules: registered 25 Aug 2023, in force ten days after publication (seed 004 order cl. 5)', () => {
    const text = seed(LEGAL_ACTS.socialPortalRules2023.seed);
    expect(text).toContain('2023 жылғы 25 тамызда № 33329 болып тіркелді');
    expect(text).toContain('күнтізбелік он күн өткен соң қолданысқа енгізіледі');
  });
});
