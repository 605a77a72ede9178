import * as path from 'node:path';
import { ContractValidator, mediaTypeOf } from './validation';

const mab = ContractValidator.forSystem('mab');

describe('ContractValidator', () => {
  it('loads the bundled contract once per file and knows its operations', () => {
    expect(
      ContractValidator.forSystem('mab', path.resolve(__dirname, '../../contracts/mab/openapi.json')),
    ).toBe(mab);
    expect(mab.operationIds().sort()).toEqual(['getPhoneByIin', 'searchPhones']);
    const op = mab.operation('getPhoneByIin')!;
    expect([op.method, op.path]).toEqual(['GET', '/phones/{iin}']);
    expect(mab.operation('nope')).toBeUndefined();
  });

  it('validates a response through $refs to the common schemas, naming the field and the rule', () => {
    const rc = mab.operation('getPhoneByIin')!.response(200)!;
    expect(rc.validate('application/json', { iin: '850312400019', phone: '+77012345678' })).toBeUndefined();
    expect(rc.validate('application/json', { iin: '850312400019', phone: '87012345678' })).toEqual({
      code: 'CONTRACT_VIOLATION',
      pointer: '/phone',
      rule: 'pattern ^\\+77[0-9]{9}$',
      detail: '/phone must match pattern "^\\+77[0-9]{9}$"',
    });
    expect(rc.validate('application/json', { iin: '850312400019' })).toMatchObject({
      pointer: '/phone',
      rule: 'required',
    });
    expect(
      rc.validate('application/json', {
        iin: '850312400019',
        phone: '+77012345678',
        registeredAt: '2021-02-30',
      }),
    ).toMatchObject({
      pointer: '/registeredAt',
      rule: 'format date',
    });
  });

  it('resolves responses given by $ref (the common problem responses) and nested paths', () => {
    const notFound = mab.operation('getPhoneByIin')!.response(404)!;
    expect(notFound.mediaTypes).toEqual(['application/problem+json']);
    expect(
      notFound.validate('application/problem+json', { type: 'x', title: 'x', status: 404 }),
    ).toBeUndefined();
    expect(notFound.validate('application/problem+json', { title: 'x', status: 404 })).toMatchObject({
      pointer: '/type',
    });
    const search = mab.operation('searchPhones')!.response(200)!;
    expect(
      search.validate('application/json', { found: [{ iin: '1', phone: '+77012345678' }], notFound: [] }),
    ).toMatchObject({
      pointer: '/found/0/iin',
      rule: 'pattern ^[0-9]{12}$',
    });
  });

  it('knows which statuses are declared and which media types', () => {
    const op = mab.operation('getPhoneByIin')!;
    expect(op.response(201)).toBeUndefined();
    expect(op.response(500)).toBeUndefined();
    expect(op.response(200)!.validate('text/html', '<html>')).toMatchObject({ code: 'NOT_JSON' });
  });

  it('refuses a document that is not OpenAPI 3.1', () => {
    expect(() => new ContractValidator('x', { openapi: '3.0.3' })).toThrow(/not an OpenAPI 3.1 document/);
  });

  it('reads media types without parameters', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});
