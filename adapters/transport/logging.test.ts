import { memoryStream } from './__fixtures__/server';
import { NotFound } from './errors';
import { createLogger } from './logging';

const IIN = '850312400019';
const PHONE = '+77012345678';
const IBAN = 'KZ35601A000000012345';

describe('createLogger', () => {
  it('is quiet by default (warn)', () => {
    expect(createLogger().level).toBe('warn');
  });

  it('masks personal data in every string of the object, in the message and in bindings', () => {
    const out = memoryStream();
    const logger = createLogger({ level: 'debug', destination: out.stream })
      .child({ person: IIN })
      .child({ caller: PHONE }, { msgPrefix: `${IIN} ` });
    logger.info(
      { path: `/phones/${IIN}`, nested: { list: [PHONE, { iban: IBAN }] }, n: 850312400019 },
      `sent to ${PHONE}`,
    );
    logger.debug('interpolated %s and %s', IIN, PHONE);
    const text = out.text();
    expect(text).not.toMatch(/850312400019|7012345678|601A000000012345/);
    const line = JSON.parse(out.lines()[0]!);
    expect(line).toMatchObject({
      person: '8503******19',
      caller: '+7701*****78',
      path: '/phones/8503******19',
      nested: { list: ['+7701*****78', { iban: 'KZ35601*********2345' }] },
      n: '8503******19',
      msg: '8503******19 sent to +7701*****78',
    });
    expect(JSON.parse(out.lines()[1]!).msg).toBe('8503******19 interpolated 8503******19 and +7701*****78');
  });

  it('masks errors: message, stack and cause', () => {
    const out = memoryStream();
    const logger = createLogger({ level: 'info', destination: out.stream });
    const cause = new Error(`socket hang up while asking for ${IIN}`);
    logger.error(new Error(`failed for ${IIN}`, { cause }));
    logger.warn({ err: new NotFound({ system: 'mab', operation: 'getPhoneByIin', detail: `no ${IIN}` }) });
    expect(out.text()).not.toContain(IIN);
    const [first, second] = out.lines().map((l) => JSON.parse(l));
    expect(first.msg).toBe('failed for 8503******19');
    expect(first.err.type).toBe('Error');
    expect(first.err.message).toBe('failed for 8503******19: socket hang up while asking for 8503******19');
    expect(first.err.stack).toContain('caused by: Error: socket hang up while asking for 8503******19');
    expect(second.err).toMatchObject({ type: 'NotFound', code: 'NOT_FOUND', system: 'mab' });
  });

  it('removes credentials at the redacted paths', () => {
    const out = memoryStream();
    createLogger({ level: 'info', destination: out.stream }).info({
      headers: { authorization: 'Bearer abc' },
      token: 't',
    });
    expect(out.text()).not.toMatch(/Bearer abc|"t"/);
    expect(out.text()).toContain('[redacted]');
  });

  it('keeps request ids (UUIDs) whole even when their digits look like an IIN', () => {
    const out = memoryStream();
    const id = '4b0c9a1e-2f7d-4a55-9d8e-850312400019';
    createLogger({ level: 'info', destination: out.stream }).info({ requestId: id });
    expect(JSON.parse(out.lines()[0]!).requestId).toBe(id);
  });

  it('refuses unknown options', () => {
    expect(() => createLogger({ lvl: 'info' } as never)).toThrow(/logger.lvl/);
  });
});
