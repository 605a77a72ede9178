import { generateKzIban } from './iban';
import { generateIin } from './iin';
import { maskIban, maskIin, maskName, maskPersonalData, maskPhone } from './mask';

describe('maskIin', () => {
  it('keeps the first 4 and last 2 digits', () => {
    expect(maskIin('950101300125')).toBe('9501******25');
  });

  it('masks short values completely and never throws', () => {
    expect(maskIin('123456')).toBe('******');
    expect(maskIin('')).toBe('');
    expect(maskIin(undefined as unknown as string)).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['+77012345678', '+7701*****78'],
    ['+7 701 234 56 78', '+7 701 *** ** 78'],
    ['8 (701) 234-56-78', '8 (701) ***-**-78'],
    ['7012345678', '701*****78'],
    ['1234', '****'],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never throws', () => {
    expect(maskPhone(42 as unknown as string)).toBe('');
  });
});

describe('maskIban', () => {
  it.each([
    ['KZ86125KZT5004100100', 'KZ86125*********0100'],
    ['KZ86 125K ZT50 0410 0100', 'KZ86 125* **** **** 0100'],
    ['KZ86125', 'KZ*****'],
  ])('%j → %j', (iban, masked) => {
    expect(maskIban(iban)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['Иванов Иван Иванович', 'И*** И*** И***'],
    ['Әсел Нұрланқызы', 'Ә*** Н***'],
    ['Anna-Maria O’Neil', 'A***-M*** O***'],
    ['', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('does not leak the length of a name', () => {
    expect(maskName('Ким').length).toBe(maskName('Ким-Толстопятова').split('-')[0]!.length);
  });
});

describe('maskPersonalData', () => {
  it('masks an IIN, a phone and an IBAN in free text', () => {
    const text = 'ИИН 950101300125, тел. +7 701 234 56 78, счёт KZ86125KZT5004100100.';
    expect(maskPersonalData(text)).toBe(
      'ИИН 9501******25, тел. +7 701 *** ** 78, счёт KZ86125*********0100.',
    );
  });

  it.each([
    ['+77012345678', '+7701*****78'],
    ['87012345678', '8701*****78'],
    ['77012345678', '7701*****78'],
    ['7012345678', '701*****78'],
    ['8 (701) 234-56-78', '8 (701) ***-**-78'],
    ['+7 (701) 234-56-78', '+7 (701) ***-**-78'],
    ['8-701-234-56-78', '8-701-***-**-78'],
    ['+7 7172 12 34 56', '+7 717* ** ** 56'],
    ['+7 701 2345678', '+7 701 *****78'],
  ])('masks the phone %j', (phone, masked) => {
    expect(maskPersonalData(`call ${phone} now`)).toBe(`call ${masked} now`);
  });

  it('masks data inside JSON, query strings and next to letters', () => {
    expect(maskPersonalData('{"iin":"950101300125","phone":"+77012345678"}')).toBe(
      '{"iin":"9501******25","phone":"+7701*****78"}',
    );
    expect(maskPersonalData('/person?iin=950101300125&x=1')).toBe('/person?iin=9501******25&x=1');
    expect(maskPersonalData('IIN950101300125')).toBe('IIN9501******25');
  });

  it('masks IBANs in lower case and in printed groups', () => {
    expect(maskPersonalData('kz86125kzt5004100100')).toBe('kz86125*********0100');
    expect(maskPersonalData('IBAN: KZ86 125K ZT50 0410 0100;')).toBe('IBAN: KZ86 125* **** **** 0100;');
  });

  it('leaves dates, times, amounts and short numbers alone', () => {
    const text =
      'On 2024-03-01T00:00:00+05:00 paid 1 234,56 ₸ (order 12345, code 3#1, SMS 1414, BIC HSBKKZKX)';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('does not mask 11- or 13-digit runs as IINs, nor 10-digit runs that do not start with 7', () => {
    expect(maskPersonalData('95010130012')).toBe('95010130012');
    expect(maskPersonalData('9501013001250')).toBe('9501013001250');
    expect(maskPersonalData('1234567890')).toBe('1234567890');
  });

  it('masks every generated IIN, phone and IBAN in a long log', () => {
    const lines: string[] = [];
    const secrets: string[] = [];
    for (let i = 0; i < 300; i++) {
      const iin = generateIin({
        birthDate: `19${String(50 + (i % 50))}-0${1 + (i % 9)}-1${i % 10}`,
        gender: 'female',
        serial: i,
      });
      const phone = `+7 70${i % 10} ${String(100 + i).slice(-3)} ${String(10 + (i % 90))} ${String(10 + ((i * 7) % 90))}`;
      const iban = generateKzIban('722', `KZT${String(i).padStart(10, '0')}`);
      secrets.push(iin, phone.replace(/ /g, '').slice(5, 10), iban.slice(7, 16));
      lines.push(`#${i} person ${iin} phone ${phone} account ${iban}`);
    }
    const masked = maskPersonalData(lines.join('\n'));
    for (const s of secrets) expect(masked).not.toContain(s);
    expect(masked.split('\n')).toHaveLength(300);
  });

  it('never throws on odd input', () => {
    expect(maskPersonalData('')).toBe('');
    expect(maskPersonalData(undefined as unknown as string)).toBe('undefined');
    expect(maskPersonalData(950101300125 as unknown as string)).toBe('9501******25');
  });

  it('gives the same result when called repeatedly (no regex state leaks between calls)', () => {
    const text = 'a 950101300125 b 950101300125';
    expect(maskPersonalData(text)).toBe(maskPersonalData(text));
    expect(maskPersonalData(text)).toBe('a 9501******25 b 9501******25');
  });
});
