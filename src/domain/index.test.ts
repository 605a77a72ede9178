import * as banks from './banks';
import * as bin from './bin';
import * as calendar from './calendar';
import * as errors from './errors';
import * as iban from './iban';
import * as iin from './iin';
import * as domain from './index';
import * as mask from './mask';
import * as money from './money';
import * as phone from './phone';
import * as time from './time';

describe('src/domain index', () => {
  it.each(Object.entries({ errors, iin, bin, banks, iban, phone, money, mask, time, calendar }))(
    're-exports everything from %s',
    (_name, mod) => {
      for (const [key, value] of Object.entries(mod)) {
        expect(domain).toHaveProperty(key);
        expect((domain as Record<string, unknown>)[key]).toBe(value);
      }
    },
  );

  it('works end to end: a generated person validates, and the error about a bad IIN is masked', () => {
    const iinValue = domain.generateIin({ birthDate: '2012-09-01', gender: 'female', serial: 7 });
    expect(domain.parseIin(iinValue)).toEqual({ birthDate: '2012-09-01', gender: 'female' });
    const broken = iinValue.slice(0, 11) + String((Number(iinValue[11]) + 1) % 10);
    expect(() => domain.parseIin(broken)).toThrow(domain.DomainValidationError);
    expect(() => domain.parseIin(broken)).toThrow(domain.maskIin(broken));
  });
});
