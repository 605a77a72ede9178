/** The SMS texts of the acts as templates, their rendering, and the parsers for citizens' replies. */
export { SMS_TEMPLATES } from './templates';
export type {
  SmsLanguage,
  SmsPlaceholder,
  SmsPurpose,
  SmsService,
  SmsTemplate,
  SmsTemplateId,
} from './templates';
export { getSmsTemplate, listSmsTemplates, placeholderNamesIn, renderSms } from './render';
export type { SmsTemplateFilter, SmsValues } from './render';
export { normaliseSmsReply, parseGasReply, parseHomeSchoolingReply, parseMealsReply } from './replies';
export type {
  ConsentReply,
  HomeSchoolingReply,
  HomeSchoolingReplyContext,
  UnrecognisedReason,
  UnrecognisedReply,
} from './replies';
