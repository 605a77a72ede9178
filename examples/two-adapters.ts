/**
 * The README's orchestrator, line for line inside main(): ask MAB for a person's phone, then send the gas-voucher
 * consent SMS of the amended order (seed 001) through the SMS gateway. Typechecked with the project, so the README
 * cannot drift from the API. Against running mocks or test systems: `npx tsx examples/two-adapters.ts`.
 */
import { MabClient, SmsClient, renderSms } from '../src';

export async function main(): Promise<void> {
  const mab = new MabClient({ baseUrl: 'http://127.0.0.1:4103' });
  const sms = new SmsClient({ baseUrl: 'http://127.0.0.1:4107' });
  const person = await mab.getPhoneByIin('850312400019'); // null: no phone in MAB (seed 000 cl. 15)
  if (person) {
    const text = renderSms('gas.amended.consentRequest.ru', {});
    const base = { shortNumber: '5169', service: 'gas-voucher', senderSystem: 'egov', language: 'ru' } as const;
    await sms.sendSms({ ...base, phone: person.phone, templateId: 'gas.amended.consentRequest.ru', text, reference: 'gas-voucher:2025-09:case-42' },
      'gas-voucher:2025-09:case-42:consent-sms'); // idempotency key: retried safely, never sent twice
  }
}

if (require.main === module) void main();
