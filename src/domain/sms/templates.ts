/**
 * The SMS texts of the acts' appendices, word for word, as templates with named placeholders.
 *
 * The texts were copied from the seed files by script (each paragraph trimmed, the quotation marks that wrap a
 * whole SMS in the act dropped), never retyped; templates.test.ts checks every fixed part against its seed file.
 * Paragraphs are joined with a line break.
 *
 * Placeholders are `{camelCase}` (ASCII). Braces around anything else are literal text of the act: form 2 of the
 * home-schooling pilot tells the citizen to type `{қызмет коды} #3#1{Банктің реттік нөмірі}`, and
 * `{Банктің реттік нөмірі}` ("the bank's number") is an instruction to the reader, not a value the system fills
 * in, so it stays in the text as the act writes it. Other decisions:
 * - The gas consent reply (seed 000) keeps `<https://egovmobile.page.link/socwallet>` with its angle brackets:
 *   they are in the seed (most likely a conversion artefact), and the seed is the authority.
 * - Double spaces inside a text (meals consent request: "тегін  тамақтану") are kept.
 * - Home-schooling form 1 is Kazakh but its bank placeholder is `{payNameBankRu}` in the seed; the name is kept.
 * - Form 5's `{code_service}` sits where the name of the assigned benefit goes ("Сізге {…} тағайындалды"), so it
 *   is called `serviceName`.
 * - Seed 004 gives no SMS texts, so the Social Services Portal has no templates.
 */
import { cite, type Citation } from '../rules/citation';
import type { GasRulesVersion } from '../rules/gas-voucher';
import type { HomeSchoolingRulesVersion } from '../rules/home-schooling';
import type { SchoolMealsRulesVersion } from '../rules/school-meals';
import { deepFreeze } from '../rules/freeze';

/** The services that have SMS texts in the seeds. */
export type SmsService = 'gas' | 'meals' | 'homeSchooling';

/** Languages the seeds give texts in. */
export type SmsLanguage = 'kk' | 'ru';

/** What an SMS is for. */
export type SmsPurpose =
  | 'consentRequest'
  | 'consentReply'
  | 'refusalReply'
  | 'offerOneBank'
  | 'offerBankList'
  | 'openAccount'
  | 'replyTimeout'
  | 'benefitAssigned';

/** Stable ids of every template. */
export type SmsTemplateId =
  | 'gas.consentRequest.kk'
  | 'gas.refusalReply.kk'
  | 'gas.consentReply.kk'
  | 'gas.amended.consentRequest.ru'
  | 'gas.amended.consentReply.ru'
  | 'meals.consentRequest.kk'
  | 'meals.refusalReply.kk'
  | 'meals.consentReply.kk'
  | 'hs.form1.kk'
  | 'hs.form2.kk'
  | 'hs.form3.kk'
  | 'hs.form4.kk'
  | 'hs.form5.kk';

/** One placeholder: its name in the template and what the seed wrote in its place. */
export interface SmsPlaceholder {
  /** English camelCase name used as `{name}` in `text`. */
  readonly name: string;
  /** The seed's own placeholder text, e.g. '_____' or '{қызмет коды}'. */
  readonly seedText: string;
  /** The seed's explanatory line under a blank, when it has one. */
  readonly seedNote?: string;
  readonly description: string;
}

/** An SMS text of an act, with its placeholders and source. */
export interface SmsTemplate {
  readonly id: SmsTemplateId;
  readonly service: SmsService;
  readonly language: SmsLanguage;
  readonly purpose: SmsPurpose;
  readonly description: string;
  /** Version of the service's rules the text belongs to (see src/domain/rules). */
  readonly rulesVersion: GasRulesVersion | SchoolMealsRulesVersion | HomeSchoolingRulesVersion;
  /** The text, paragraphs joined by '\n', with `{placeholder}`s. */
  readonly text: string;
  /** In order of first appearance. */
  readonly placeholders: readonly SmsPlaceholder[];
  readonly source: Citation;
}

const paragraphs = (...lines: string[]): string => lines.join('\n');

const FULL_NAME_GAS: SmsPlaceholder = {
  name: 'fullName',
  seedText: '_____',
  seedNote: '(тегі, аты, әкесінің аты (болған жағдайда))',
  description: "Recipient's surname, first name and patronymic (if any).",
};
const SERVICE_CODE: SmsPlaceholder = {
  name: 'serviceCode',
  seedText: '{қызмет коды}',
  description: 'The service code the citizen types before #3#1 / #3#0 in the reply.',
};
const BANK_LIST_KZ: SmsPlaceholder = {
  name: 'bankListKz',
  seedText: '{реттік нөмірі бар банктердің тізімі}',
  description: 'Numbered list of banks, in Kazakh.',
};
const BANK_LIST_RU: SmsPlaceholder = {
  name: 'bankListRu',
  seedText: '{bankListRu}',
  description: 'The same numbered list of banks, in Russian.',
};
const FULL_NAME_HS: SmsPlaceholder = {
  name: 'fullName',
  seedText: '{ТАӘ}',
  description: "Representative's surname, first name and patronymic (ТАӘ).",
};

/** Every SMS text of the seeds, in seed order. */
export const SMS_TEMPLATES: readonly SmsTemplate[] = deepFreeze([
  {
    id: 'gas.consentRequest.kk',
    service: 'gas',
    language: 'kk',
    purpose: 'consentRequest',
    description: 'First SMS of the month asking consent (3#1) or refusal (3#2).',
    rulesVersion: '2024-12-05',
    text: paragraphs(
      'Құрметті {fullName}!',
      'Сіздің отбасыңызға тауарлық газ ваучері қолжетімді.',
      'Тауарлық газға ваучер алу үшін мынадай мәтінмен SMS жіберіңіз:',
      '3#1. Егер Сіз келіспесеңіз 3#2 енгізіңіз не осы хабарламаны елемейсіз. Ағымдағы айдың 25-күніне дейін жауап беру керек.',
      'Сіз 3#1 мәтінді жіберген кезде "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасы Заңының 8-бабына сәйкес, "Мемлекеттік атаулы әлеуметтік көмек және тұрғын үй көмегін алушыларға тауарлық газға ваучерлер ұсыну" қызметін көрсету үшін қажетті жалпыға қолжетімді дербес деректерді және қолжетімділігі шектеулі дербес деректерді жинауға, өңдеуге және беруге өз келісіміңізді растайсыз.',
      'Осы келісім көрсетілген қызметті көрсету кезеңіне жарамды. Дербес деректерді үшінші тұлғаларға берудің және трансшекаралық берудің жоғын атап өтеміз.',
      'Сұрақтар туындаған жағдайда 1414 нөмірі бойынша Call-орталыққа хабарласа аласыз. Қоңырау шалу тегін.',
    ),
    placeholders: [FULL_NAME_GAS],
    source: cite('gasOrder2024', 'Appendix, item 1'),
  },
  {
    id: 'gas.refusalReply.kk',
    service: 'gas',
    language: 'kk',
    purpose: 'refusalReply',
    description: 'Answer to a refusal (3#2).',
    rulesVersion: '2024-12-05',
    text: paragraphs('Сіз көрсетілетін қызметті алудан бас тарттыңыз.'),
    placeholders: [],
    source: cite('gasOrder2024', 'Appendix, item 2'),
  },
  {
    id: 'gas.consentReply.kk',
    service: 'gas',
    language: 'kk',
    purpose: 'consentReply',
    description: 'Answer to a consent (3#1), with the Social Wallet link.',
    rulesVersion: '2024-12-05',
    text: paragraphs(
      'Сіздің тауарлық газға ваучер алуға келісіміңіз оң өңделді. Ваучерді алу үшін eGov mobile электрондық үкіметінің мобильді қосымшасындағы "Әлеуметтік әмиян" қосымшасына <https://egovmobile.page.link/socwallet> сілтеме бойынша тіркелу қажет.',
    ),
    placeholders: [],
    source: cite('gasOrder2024', 'Appendix, item 3'),
  },
  {
    id: 'gas.amended.consentRequest.ru',
    service: 'gas',
    language: 'ru',
    purpose: 'consentRequest',
    description: 'First SMS of the month under the amendment: 21*1 means consent; call centre 5169.',
    rulesVersion: '2025-08-25',
    text: paragraphs(
      'Уважаемый (ая) гражданин (ка)! Вашей семье доступна скидка на товарный газ в АО «QazaqGaz Aimaq» в виде ваучера. Согласие или отказ на обработку персональных данных для выпуска ваучеров осуществляется следующей комбинацией: 21*1 означает «Согласен». Согласие необходимо предоставить до 29 числа текущего месяца. В случае возникновения вопросов можете обратиться по номеру 5169',
    ),
    placeholders: [],
    source: cite('gasAmendment2025', 'para. 9–10'),
  },
  {
    id: 'gas.amended.consentReply.ru',
    service: 'gas',
    language: 'ru',
    purpose: 'consentReply',
    description: 'Answer to a consent (21*1) under the amendment, with the Social Wallet link.',
    rulesVersion: '2025-08-25',
    text: paragraphs(
      'Ваше согласие на получение ваучера в «Социальном кошельке» на товарный газ обработано положительно. Для получения ваучера Вам необходимо зарегистрироваться в мобильном приложении eGov mobile перейдя по ссылке https://egovmobile.page.link/socwallet',
    ),
    placeholders: [],
    source: cite('gasAmendment2025', 'para. 11–12'),
  },
  {
    id: 'meals.consentRequest.kk',
    service: 'meals',
    language: 'kk',
    purpose: 'consentRequest',
    description:
      'SMS to a parent or legal representative asking consent (3#1) or refusal (3#2) within 3 days.',
    rulesVersion: '2023-11-17',
    text: paragraphs(
      'Құрметті {recipientFullName}!',
      'Сіздің балаңызға {childFullName} жалпы білім беретін мектепте тегін  тамақтану қарастырылған.',
      'Тегін тамақтануды алу үшін мәтінмен SMS жіберіңіз: 3#1. Егер Сіз келіспесеңіз, 3#2 енгізіңіз немесе осы хабарламаны елемеңіз. Жауап 3 күнтізбелік күн ішінде беру керек.',
      '3#1 мәтінді жіберген кезде Сіз "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасы Заңының 8-бабына сәйкес "Жалпы білім беретін мектептердегі білім алушылар мен тәрбиеленушілердің жекелеген санаттарын тегін және жеңілдікпен тамақтандыруды ұсыну" мемлекеттік қызметін көрсету үшін қажетті жалпыға бірдей қолжетімді дербес деректерді және қолжетімділігі шектеулі дербес деректерді жинауға және өңдеуге өз келісіміңізді растайсыз.',
      'Осы Келісім көрсетілген мемлекеттік қызметті көрсету кезеңінде қолданылады. Дербес деректерді үшінші тұлғаларға берудің және трансшекаралық берудің жоқтығын атап өтеміз.',
      'Барлық сұрақтар бойынша 1414 нөмірі бойынша Call-орталыққа хабарласа аласыз. Қоңырау шалу тегін.',
    ),
    placeholders: [
      {
        name: 'recipientFullName',
        seedText: '___________________',
        seedNote: '(тегі, аты, әкесінің аты (бар болса)',
        description: "Parent's or legal representative's surname, first name and patronymic (if any).",
      },
      {
        name: 'childFullName',
        seedText: '___________',
        seedNote: '(тегі, аты, әкесінің аты (бар болса)',
        description:
          "Pupil's surname, first name and patronymic (if any), as the seed's note under the blank says.",
      },
    ],
    source: cite('mealsOrder2023', 'Annex 1, Appendix 1, item 1'),
  },
  {
    id: 'meals.refusalReply.kk',
    service: 'meals',
    language: 'kk',
    purpose: 'refusalReply',
    description: 'Answer to a refusal (3#2).',
    rulesVersion: '2023-11-17',
    text: paragraphs('Сіз қызметтен бас тарттыңыз.'),
    placeholders: [],
    source: cite('mealsOrder2023', 'Annex 1, Appendix 1, item 2'),
  },
  {
    id: 'meals.consentReply.kk',
    service: 'meals',
    language: 'kk',
    purpose: 'consentReply',
    description: 'Answer to a consent (3#1), with the Social Wallet link.',
    rulesVersion: '2023-11-17',
    text: paragraphs(
      'Тегін тамақтану туралы келісіміңіз оң өңделді. Цифрлық ваучерді алу үшін https://egovmobile.page.link/socwallet сілтемесі арқылы Egov mobile электрондық үкіметінің мобильді қосымшасындағы "Әлеуметтік әмиян" қосымшасына тіркелу қажет.',
    ),
    placeholders: [],
    source: cite('mealsOrder2023', 'Annex 1, Appendix 1, item 3'),
  },
  {
    id: 'hs.form1.kk',
    service: 'homeSchooling',
    language: 'kk',
    purpose: 'offerOneBank',
    description:
      'Form 1: the benefit will go to the account in the one bank found; agree (#3#1) or choose another (#3#0).',
    rulesVersion: '2024-02-27',
    text: paragraphs(
      'Құрметті азамат!',
      'Сіздің "Мүгедектігі бар балаларды үйде оқытуға жұмсалған шығындарды өтеу" мемлекеттік қызметін алуға құқығыңыз бар, тағайындалған сома Сіздің {payNameBankRu} банктік шотыңызға түседі.',
      'Келіскен жағдайда 1414 нөміріне {serviceCode} #3#1 мәтінімен SMS жіберіңіз.',
      'Басқа банкті таңдау үшін 1414 нөміріне {serviceCode} #3#0 мәтінімен SMS жіберіңіз',
      'Сіздің жауабыңыз "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасы Заңының 8-бабына сәйкес жеке деректерді жинауға және өңдеуге келісім ретінде қабылданады. Жауап 3 жұмыс күні ішінде жіберілуі керек.',
      'Барлық сұрақтар бойынша 1414 нөмірі арқылы Call-орталыққа хабарласа аласыз. Қоңырау шалу тегін.',
    ),
    placeholders: [
      {
        name: 'payNameBankRu',
        seedText: '{payNameBankRu}',
        description:
          'Name of the bank holding the special account (the seed names it …Ru in the Kazakh text).',
      },
      SERVICE_CODE,
    ],
    source: cite('homeSchoolingOrder2024', 'Appendix 1'),
  },
  {
    id: 'hs.form2.kk',
    service: 'homeSchooling',
    language: 'kk',
    purpose: 'offerBankList',
    description: 'Form 2: accounts in several banks; choose bank n (#3#1{n}) or another bank (#3#0).',
    rulesVersion: '2024-02-27',
    text: paragraphs(
      'Құрметті азамат!',
      'Сіздің "Мүгедектігі бар балаларды үйде оқытуға жұмсалған шығындарды өтеу" мемлекеттік қызметін алуға құқығыңыз бар. Белгіленген соманы есептеу үшін төмендегі тізімнен банктердің реттік нөмірін таңдаңыз: {bankListKz} / {bankListRu}',
      '1414 нөміріне {serviceCode} #3#1{Банктің реттік нөмірі} мәтінімен SMS жіберіңіз',
      'Басқа банкті таңдау үшін 1414 нөміріне {serviceCode} #3#0 мәтінімен SMS жіберіңіз.',
      'Сіздің жауабыңыз "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасы Заңының 8-бабына сәйкес жеке деректерді жинауға және өңдеуге келісім ретінде қабылданады. Жауап 3 жұмыс күні ішінде жіберілуі керек.',
      'Барлық сұрақтар бойынша 1414 нөмірі арқылы Call-орталыққа хабарласа аласыз. Қоңырау шалу тегін.',
    ),
    placeholders: [BANK_LIST_KZ, BANK_LIST_RU, SERVICE_CODE],
    source: cite('homeSchoolingOrder2024', 'Appendix 2'),
  },
  {
    id: 'hs.form3.kk',
    service: 'homeSchooling',
    language: 'kk',
    purpose: 'openAccount',
    description:
      'Form 3: no special account; open one in a listed bank, the bank tells E-Sobes within 3 working days.',
    rulesVersion: '2024-02-27',
    text: paragraphs(
      'Құрметті азамат!',
      'Сіздің "Мүгедектігі бар балаларды үйде оқытуға жұмсалған шығындарды өтеу" мемлекеттік қызметін алуға құқығыңыз бар. Тағайындалған соманы аудару үшін төмендегі тізімнен банктердің кез келген бөлімшесінде шот ашу қажет немесе төмендегі сілтемелерді пайдаланыңыз: {bankListKz} / {bankListRu}',
      'Банк Сіздің шотыңыздың ашылғаны туралы бізге автоматты түрде хабарлайды. Біз банктен 3 жұмыс күні ішінде хабарлама күтеміз.',
      'Сіздің жауабыңыз "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасы Заңының 8-бабына сәйкес жеке деректерді жинауға және өңдеуге келісім ретінде қабылданады.',
      'Барлық сұрақтар бойынша 1414 нөмірі арқылы Call-орталыққа хабарласа аласыз. Қоңырау шалу тегін.',
    ),
    placeholders: [BANK_LIST_KZ, BANK_LIST_RU],
    source: cite('homeSchoolingOrder2024', 'Appendix 3'),
  },
  {
    id: 'hs.form4.kk',
    service: 'homeSchooling',
    language: 'kk',
    purpose: 'replyTimeout',
    description: 'Form 4: no reply in time; apply at a service centre or on egov.kz.',
    rulesVersion: '2024-02-27',
    text: paragraphs(
      'Құрметті, {fullName}!',
      'Жауапты күту мерзімі аяқталды.',
      'Мүгедектігі бар балаларды үйде оқытуға жұмсалған шығындарды өтеу бойынша төлемді тағайындау мәселесі бойынша Сіз "Азаматтарға арналған үкімет" мемлекеттік корпорациясы бөлімшесіне, http://egov.kz электрондық үкімет порталы арқылы жүгіне аласыз.',
      'Жақын бөлімшені айқындау үшін Telegram Bot: https://t.me/egovkzbot сілтемесін пайдалана аласыз.',
    ),
    placeholders: [FULL_NAME_HS],
    source: cite('homeSchoolingOrder2024', 'Appendix 4'),
  },
  {
    id: 'hs.form5.kk',
    service: 'homeSchooling',
    language: 'kk',
    purpose: 'benefitAssigned',
    description: 'Form 5: the benefit is assigned and paid to the named bank account.',
    rulesVersion: '2024-02-27',
    text: paragraphs(
      'Құрметті {fullName}!',
      'Сізге {serviceName} тағайындалды. Тағайындалған сома Сіздің банктік шотыңызға {payNameBankKz} түседі.',
    ),
    placeholders: [
      FULL_NAME_HS,
      {
        name: 'serviceName',
        seedText: '{code_service}',
        description: 'Name of the assigned benefit (the seed calls the placeholder code_service).',
      },
      {
        name: 'payNameBankKz',
        seedText: '{payNameBankKz}',
        description: 'Name of the bank the benefit is paid to, in Kazakh.',
      },
    ],
    source: cite('homeSchoolingOrder2024', 'Appendix 5'),
  },
]);
