import { createAdapters } from '../adapters/create';
import { GbdflClient, MabClient, SocialPortalClient } from '../adapters';
import { SYSTEM_IDS, type SystemId } from '../src/systems';

const targets = Object.fromEntries(SYSTEM_IDS.map((id, i) => [id, `http://127.0.0.1:${4100 + i}`])) as Record<
  SystemId,
  string
>;
const shep = { senderId: 'kz-proactive-test', password: 'test-password' };

describe('createAdapters', () => {
  it('builds one client per system from the targets line the mocks print', () => {
    const a = createAdapters({ targets, shep });
    expect(Object.keys(a)).toHaveLength(SYSTEM_IDS.length);
    expect(a.mab).toBeInstanceOf(MabClient);
    expect(a.gbdfl).toBeInstanceOf(GbdflClient);
    expect(a.socialPortal).toBeInstanceOf(SocialPortalClient);
  });

  it('names the system whose target is missing', () => {
    const { sms: _sms, ...rest } = targets;
    expect(() => createAdapters({ targets: rest as Record<SystemId, string>, shep })).toThrow(/targets\.sms/);
  });

  it('refuses an invalid shared setting instead of ignoring it', () => {
    expect(() => createAdapters({ targets, shep, defaults: { timeoutMs: -1 } })).toThrow();
  });
});
