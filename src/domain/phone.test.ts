import { DomainValidationError } from './errors';
import { isKzMobilePhone, normalizeKzPhone } from './phone';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e.code;
    throw e;
  }
  return undefined;
}

describe('normalizeKzPhone', () => {
  it.each([
    '+7 701 234 56 78',
    '+77012345678',
    '87012345678',
    '77012345678',
    '7012345678',
    '8 (701) 234-56-78',
    '+7 (701) 234-56-78',
    '8-701-234-56-78',
    '+7.701.234.56.78',
    '  +7 701 2345678 ',
  ])('%j → +77012345678', (input) => {
    expect(normalizeKzPhone(input)).toBe('+77012345678');
    expect(isKzMobilePhone(input)).toBe(true);
  });

  it.each(['+77001112233', '+77051112233', '+77071112233', '+77471112233', '+77771112233', '+77781112233'])(
    'accepts the operator code of %s',
    (p) => {
      expect(normalizeKzPhone(p)).toBe(p);
    },
  );

  it.each([
    ['', 'PHONE_FORMAT'],
    ['+7 701 234 56 7', 'PHONE_FORMAT'],
    ['+7 701 234 56 789', 'PHONE_FORMAT'],
    ['+8 701 234 56 78', 'PHONE_FORMAT'],
    ['+996 555 123 456', 'PHONE_FORMAT'],
    ['97012345678', 'PHONE_FORMAT'],
    ['+7 701 234 56 7a', 'PHONE_FORMAT'],
    ['+7 701 234 56 78 ext 1', 'PHONE_FORMAT'],
    ['+7+7012345678', 'PHONE_FORMAT'],
    ['+7 916 123 45 67', 'PHONE_NOT_MOBILE'],
    ['8 495 123 45 67', 'PHONE_NOT_MOBILE'],
    ['+7 7172 12 34 56', 'PHONE_NOT_MOBILE'],
    ['8 727 123 45 67', 'PHONE_NOT_MOBILE'],
  ])('%j → %s', (input, code) => {
    expect(codeOf(() => normalizeKzPhone(input))).toBe(code);
    expect(isKzMobilePhone(input)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(codeOf(() => normalizeKzPhone(77012345678 as unknown as string))).toBe('PHONE_FORMAT');
    expect(isKzMobilePhone(null as unknown as string)).toBe(false);
  });

  it('masks the number in the error message', () => {
    try {
      normalizeKzPhone('+7 916 123 45 67');
      throw new Error('expected a DomainValidationError');
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('+7 916 *** ** 67');
      expect(message).not.toContain('123 45');
    }
  });
});
