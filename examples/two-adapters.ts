/**
 * The README's ten-line orchestrator: ask MAB for a person's phone, then send the gas-voucher consent SMS of the
 * amended order (seed 001) through the SMS gateway. Typechecked with the project, so the README cannot drift
 * from the API. Run it against the mocks: `npx tsx examples/two-adapters.ts`.
 */
import { MabClient, SmsClient, gasVoucherRules, getSmsTemplate, renderSms } from '../src';

export async function askGasConsent(iin: string, month: string): Promise<string> {
  const mab = new MabClient({ baseUrl: 'http://127.0.0.1:4103' });
  const sms = new SmsClient({ baseUrl: 'http://127.0.0.1:4107' });
  const person = await mab.getPhoneByIin(iin); // null: no phone in MAB, the flow ends here (seed 000 cl. 15)
  if (!person) return 'no-phone';
  const rules = gasVoucherRules(month); // 21*1, call centre 5169, reply by the 29th
  const template = getSmsTemplate('gas.amended.consentRequest.ru');
  const sent = await sms.sendSms(
    {
      phone: person.phone,
      shortNumber: rules.callCentre === '5169' ? '5169' : '1414',
      service: 'gas-voucher',
      senderSystem: 'egov',
      templateId: template.id,
      language: template.language,
      text: renderSms(template.id, {}),
      reference: `gas-voucher:${month}:consent-request`,
    },
    `gas-voucher:${month}:${iin}:consent-sms`, // idempotency key: one first SMS per person per month (cl. 18)
  );
  return sent.status;
}
