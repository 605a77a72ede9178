/**
 * Second-tier banks (and Kazpost) that can hold a person's special account for state benefits, keyed by the
 * 3-digit bank code in positions 5–7 of a KZ IBAN.
 *
 * Source: the National Bank of Kazakhstan's directory of bank identifier codes (BIC) and IBAN bank codes,
 * in use since the IBAN/BIC switch of 7 June 2010. The directory itself was not read here; the code↔BIC pairs
 * were cross-checked against two public copies of it kept in open-source code (2024–2025 editions, with the
 * current names Bereke Bank, Freedom Bank, Otbasy bank and Alatau City Bank) and agree in both. Kaspi 722 and
 * Citibank 832 also match the original 2010 table; Kazpost 563 matches a published Kazpost account
 * (KZ71563D601200019058) and Citibank 832 Clearstream's published tenge account.
 * Not verified here: which of these banks are integrated with the labour ministry's benefit system today,
 * the Kazakh names, which are the banks' usual Kazakh spellings rather than copied from the directory, and
 * the renaming of First Heartland Jusan Bank to Alatau City Bank, seen only in those copies.
 * Banks change names more often than codes: look a bank up by code or BIC, never by name.
 */

/** A bank that an IBAN can point to. */
export interface Bank {
  /** 3-digit IBAN bank code, e.g. '601'. */
  readonly code: string;
  readonly nameKz: string;
  readonly nameRu: string;
  readonly nameEn: string;
  /** 8-character BIC (SWIFT) of the head office, e.g. 'HSBKKZKX'. */
  readonly bic: string;
}

const TABLE: readonly Bank[] = [
  {
    code: '601',
    bic: 'HSBKKZKX',
    nameKz: '«Қазақстан Халық Банкі» АҚ',
    nameRu: 'АО «Народный Банк Казахстана»',
    nameEn: 'Halyk Bank of Kazakhstan',
  },
  {
    code: '722',
    bic: 'CASPKZKA',
    nameKz: '«Kaspi Bank» АҚ',
    nameRu: 'АО «Kaspi Bank»',
    nameEn: 'Kaspi Bank',
  },
  {
    code: '998',
    bic: 'TSESKZKA',
    nameKz: '«Alatau City Bank» АҚ (бұрынғы First Heartland Jusan Bank)',
    nameRu: 'АО «Alatau City Bank» (ранее First Heartland Jusan Bank)',
    nameEn: 'Alatau City Bank (formerly First Heartland Jusan Bank)',
  },
  { code: '965', bic: 'IRTYKZKA', nameKz: '«ForteBank» АҚ', nameRu: 'АО «ForteBank»', nameEn: 'ForteBank' },
  {
    code: '856',
    bic: 'KCJBKZKX',
    nameKz: '«Банк ЦентрКредит» АҚ',
    nameRu: 'АО «Банк ЦентрКредит»',
    nameEn: 'Bank CenterCredit',
  },
  {
    code: '914',
    bic: 'BRKEKZKA',
    nameKz: '«Bereke Bank» АҚ',
    nameRu: 'АО «Bereke Bank»',
    nameEn: 'Bereke Bank',
  },
  {
    code: '886',
    bic: 'INLMKZKA',
    nameKz: '«Home Credit Bank» АҚ',
    nameRu: 'АО «Home Credit Bank»',
    nameEn: 'Home Credit Bank',
  },
  {
    code: '948',
    bic: 'EURIKZKA',
    nameKz: '«Еуразиялық банк» АҚ',
    nameRu: 'АО «Евразийский Банк»',
    nameEn: 'Eurasian Bank',
  },
  { code: '821', bic: 'KINCKZKA', nameKz: '«Bank RBK» АҚ', nameRu: 'АО «Bank RBK»', nameEn: 'Bank RBK' },
  { code: '849', bic: 'NURSKZKX', nameKz: '«Нұрбанк» АҚ', nameRu: 'АО «Нурбанк»', nameEn: 'Nurbank' },
  {
    code: '551',
    bic: 'KSNVKZKA',
    nameKz: '«Фридом Банк Қазақстан» АҚ',
    nameRu: 'АО «Фридом Банк Казахстан»',
    nameEn: 'Freedom Bank Kazakhstan',
  },
  {
    code: '972',
    bic: 'HCSKKZKA',
    nameKz: '«Отбасы банк» АҚ',
    nameRu: 'АО «Отбасы банк» (Жилстройсбербанк)',
    nameEn: 'Otbasy Bank',
  },
  { code: '563', bic: 'KPSTKZKA', nameKz: '«Қазпошта» АҚ', nameRu: 'АО «КазПочта»', nameEn: 'Kazpost' },
  {
    code: '949',
    bic: 'ATYNKZKA',
    nameKz: '«Altyn Bank» АҚ',
    nameRu: 'АО «Altyn Bank»',
    nameEn: 'Altyn Bank',
  },
  {
    code: '832',
    bic: 'CITIKZKA',
    nameKz: '«Ситибанк Қазақстан» АҚ',
    nameRu: 'АО «Ситибанк Казахстан»',
    nameEn: 'Citibank Kazakhstan',
  },
  {
    code: '913',
    bic: 'BKCHKZKA',
    nameKz: '«Қазақстандағы Қытай Банкі» ЕБ АҚ',
    nameRu: 'АО ДБ «Банк Китая в Казахстане»',
    nameEn: 'Bank of China Kazakhstan',
  },
  {
    code: '930',
    bic: 'ICBKKZKX',
    nameKz: '«Қытай Сауда-өнеркәсіп банкі Алматы қ.» АҚ',
    nameRu: 'АО «Торгово-промышленный Банк Китая в г. Алматы»',
    nameEn: 'Industrial and Commercial Bank of China (Almaty)',
  },
  {
    code: '435',
    bic: 'SHBKKZKA',
    nameKz: '«Шинхан Банк Қазақстан» АҚ',
    nameRu: 'АО «Шинхан Банк Казахстан»',
    nameEn: 'Shinhan Bank Kazakhstan',
  },
  {
    code: '885',
    bic: 'KZIBKZKA',
    nameKz: '«Қазақстан-Зираат Интернешнл Банк» ЕБ АҚ',
    nameRu: 'АО ДБ «Казахстан-Зираат Интернешнл Банк»',
    nameEn: 'Kazakhstan Ziraat International Bank',
  },
  {
    code: '432',
    bic: 'VTBAKZKZ',
    nameKz: '«ВТБ Банкі (Қазақстан)» ЕҰ АҚ',
    nameRu: 'ДО АО Банк ВТБ (Казахстан)',
    nameEn: 'VTB Bank (Kazakhstan)',
  },
  {
    code: '246',
    bic: 'HLALKZKZ',
    nameKz: '«ADCB Ислам банкі» АҚ',
    nameRu: 'АО «Исламский банк ADCB»',
    nameEn: 'ADCB Islamic Bank (formerly Al Hilal)',
  },
  {
    code: '896',
    bic: 'ZAJSKZ22',
    nameKz: '«Заман-Банк» АҚ',
    nameRu: 'АО «Исламский банк Заман-Банк»',
    nameEn: 'Zaman-Bank Islamic Bank',
  },
  {
    code: '724',
    bic: 'MOKFKZKA',
    nameKz: '«БиЭнКей коммерциялық банкі» АҚ',
    nameRu: 'АО «Коммерческий Банк БиЭнКей»',
    nameEn: 'BNK Commercial Bank',
  },
  { code: '719', bic: 'KMFBKZKK', nameKz: '«KMF Банк» АҚ', nameRu: 'АО «KMF Банк»', nameEn: 'KMF Bank' },
];

/** The bank table keyed by 3-digit IBAN bank code (frozen). */
export const BANKS: Readonly<Record<string, Bank>> = Object.freeze(
  Object.fromEntries(TABLE.map((b) => [b.code, Object.freeze({ ...b })])),
);

const BY_BIC: ReadonlyMap<string, Bank> = new Map(Object.values(BANKS).map((b) => [b.bic, b]));

/** The bank with this 3-digit IBAN bank code, or undefined when it is not in the table. */
export function bankByCode(code: string): Bank | undefined {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(BANKS, code)
    ? BANKS[code]
    : undefined;
}

/** The bank with this BIC (8 characters, or 11 with a branch suffix; case-insensitive), or undefined. */
export function bankByBic(bic: string): Bank | undefined {
  if (typeof bic !== 'string') return undefined;
  return BY_BIC.get(bic.trim().toUpperCase().slice(0, 8));
}
