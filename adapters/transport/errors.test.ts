import {
  BadInput,
  BusinessRuleViolation,
  Conflict,
  ConsentMissing,
  ContractViolation,
  ERROR_CODES,
  KzProactiveError,
  NotFound,
  Timeout,
  Unauthorized,
  UpstreamUnavailable,
  errorForCode,
  errorFromHttp,
} from './errors';

const ctx = { system: 'mab', operation: 'getPhoneByIin', requestId: 'req-1' };

describe('errorFromHttp: status and problem+json to a subclass', () => {
  it.each([
    [400, BadInput, 'BAD_INPUT', false],
    [401, Unauthorized, 'UNAUTHORIZED', false],
    [403, Unauthorized, 'FORBIDDEN', false],
    [404, NotFound, 'NOT_FOUND', false],
    [409, Conflict, 'CONFLICT', false],
    [422, BusinessRuleViolation, 'BUSINESS_RULE', false],
    [429, UpstreamUnavailable, 'RATE_LIMITED', true],
    [500, UpstreamUnavailable, 'UPSTREAM_UNAVAILABLE', true],
    [501, UpstreamUnavailable, 'NOT_IMPLEMENTED', false],
    [503, UpstreamUnavailable, 'UPSTREAM_UNAVAILABLE', true],
    [504, Timeout, 'TIMEOUT', true],
  ] as const)('%i -> %p (%s)', (status, cls, code, retryable) => {
    const err = errorFromHttp(status, { type: 'about:blank', title: 'x', status }, ctx);
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(KzProactiveError);
    expect(err).toMatchObject({ code, status, retryable, ...ctx });
  });

  it('a consent problem is ConsentMissing whatever the status', () => {
    const byCode = errorFromHttp(403, { type: 'x', title: 'x', status: 403, code: 'CONSENT_MISSING' }, ctx);
    const byType = errorFromHttp(
      422,
      { type: 'https://kz-proactive.dev/problems/consent-required', title: 'x', status: 422 },
      ctx,
    );
    expect(byCode).toBeInstanceOf(ConsentMissing);
    expect(byType).toBeInstanceOf(ConsentMissing);
  });

  it("a 422 carries the problem's own code into the message, not its free-text detail", () => {
    const err = errorFromHttp(
      422,
      {
        type: 'x',
        title: 'Business rule',
        status: 422,
        code: 'VOUCHER_ALREADY_ISSUED',
        detail: 'one voucher per account',
      },
      ctx,
    );
    expect(err).toBeInstanceOf(BusinessRuleViolation);
    expect(err.problemCode).toBe('VOUCHER_ALREADY_ISSUED');
    expect(err.message).toBe(
      'mab getPhoneByIin: The system refused the call under one of its business rules: VOUCHER_ALREADY_ISSUED (HTTP 422)',
    );
    expect(err.hint).toBe(ERROR_CODES.BUSINESS_RULE.hint);
    expect(err.fault).toBe('caller');
  });

  it('never puts an IIN, a phone or an IBAN from the problem into the message', () => {
    const err = errorFromHttp(
      404,
      {
        type: 'x',
        title: 'x',
        status: 404,
        detail: 'no phone for 850312400019 (+77012345678, KZ35601A000000012345)',
      },
      ctx,
    );
    expect(err.message).not.toMatch(/850312400019|77012345678|601A000000012345/);
    // Free text never reaches the message: a name in it could not be masked.
    expect(err.message).toBe('mab getPhoneByIin: The system has no such record (HTTP 404)');
  });

  it('survives a body that is not a problem', () => {
    expect(errorFromHttp(404, 'Not Found', ctx)).toBeInstanceOf(NotFound);
    expect(errorFromHttp(418, ['x'], ctx)).toBeInstanceOf(BadInput);
  });
});

describe('KzProactiveError', () => {
  it('every code of the registry builds its subclass with a hint and a fault', () => {
    for (const code of Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]) {
      const err = errorForCode(code, ctx);
      expect(err.name).toBe(ERROR_CODES[code].kind);
      expect(err.code).toBe(code);
      expect(err.hint.length).toBeGreaterThan(10);
    }
  });

  it('keeps only a masked, config-free copy of a foreign cause', () => {
    const cause = Object.assign(new Error('GET http://x/phones/850312400019 failed'), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: 'Bearer secret-token' } },
    });
    const err = new UpstreamUnavailable({ ...ctx, cause });
    const kept = err.cause as Error & { code?: string; config?: unknown };
    expect(kept.message).toBe('GET http://x/phones/8503******19 failed');
    expect(kept.code).toBe('ECONNRESET');
    expect(kept.config).toBeUndefined();
    expect(JSON.stringify(err)).not.toContain('secret-token');
  });

  it('a ContractViolation names the field and the rule', () => {
    const err = new ContractViolation({
      ...ctx,
      pointer: '/phone',
      rule: 'pattern ^\\+77[0-9]{9}$',
      detail: '/phone must match',
    });
    expect(err.toJSON()).toMatchObject({
      code: 'CONTRACT_VIOLATION',
      pointer: '/phone',
      rule: 'pattern ^\\+77[0-9]{9}$',
    });
  });
});
