import { BANKS, bankByBic, bankByCode } from './banks';

describe('banks table', () => {
  it.each([
    ['601', 'HSBKKZKX', 'Halyk'],
    ['722', 'CASPKZKA', 'Kaspi'],
    ['998', 'TSESKZKA', 'Jusan'],
    ['965', 'IRTYKZKA', 'Forte'],
    ['856', 'KCJBKZKX', 'CenterCredit'],
    ['914', 'BRKEKZKA', 'Bereke'],
    ['886', 'INLMKZKA', 'Home Credit'],
    ['948', 'EURIKZKA', 'Eurasian'],
    ['821', 'KINCKZKA', 'RBK'],
    ['849', 'NURSKZKX', 'Nurbank'],
    ['551', 'KSNVKZKA', 'Freedom'],
    ['972', 'HCSKKZKA', 'Otbasy'],
    ['563', 'KPSTKZKA', 'Kazpost'],
  ])('code %s is %s (%s)', (code, bic, name) => {
    const bank = bankByCode(code);
    expect(bank?.bic).toBe(bic);
    expect(bank?.nameEn).toContain(name);
    expect(bankByBic(bic)).toBe(bank);
  });

  it('keys every entry by its own 3-digit code, with an 8-character BIC and three names', () => {
    const entries = Object.entries(BANKS);
    expect(entries.length).toBeGreaterThanOrEqual(13);
    for (const [key, bank] of entries) {
      expect(bank.code).toBe(key);
      expect(bank.code).toMatch(/^\d{3}$/);
      expect(bank.bic).toMatch(/^[A-Z]{4}KZ[A-Z0-9]{2}$/);
      expect(bank.nameKz.length).toBeGreaterThan(0);
      expect(bank.nameRu.length).toBeGreaterThan(0);
      expect(bank.nameEn.length).toBeGreaterThan(0);
    }
    expect(new Set(entries.map(([, b]) => b.bic)).size).toBe(entries.length);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(BANKS)).toBe(true);
    expect(Object.isFrozen(BANKS['601'])).toBe(true);
  });

  it('returns undefined for unknown codes, inherited keys and non-strings', () => {
    expect(bankByCode('000')).toBeUndefined();
    expect(bankByCode('125')).toBeUndefined(); // the National Bank holds no benefit accounts
    expect(bankByCode('toString')).toBeUndefined();
    expect(bankByCode(601 as unknown as string)).toBeUndefined();
  });

  it('finds a bank by an 11-character branch BIC, in any case', () => {
    expect(bankByBic('hsbkkzkxtsy')?.code).toBe('601');
    expect(bankByBic('XXXXKZKA')).toBeUndefined();
  });
});
