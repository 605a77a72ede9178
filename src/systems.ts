import * as fs from 'node:fs';
import * as path from 'node:path';

/** How a system is reached: REST directly, or SOAP through the e-Gov gateway (SHEP) SyncChannel. */
export type Protocol = 'rest' | 'soap-shep';

/** One state system that kz-proactive has a contract, an adapter and a mock for. */
export interface SystemInfo {
  /** Folder name under contracts/, adapters/ and mocks/. */
  readonly id: SystemId;
  readonly name: string;
  readonly nameKz: string;
  readonly nameRu: string;
  readonly protocol: Protocol;
  /** Contract entry point, relative to the package root. */
  readonly contract: string;
  /** Default port of the system's mock (`kz-proactive mocks --port-base` shifts them together). */
  readonly mockPort: number;
}

export const SYSTEM_IDS = [
  'gbdfl',
  'modb',
  'esobes',
  'mab',
  'nobd',
  'banks',
  'billing',
  'sms',
  'wallet',
  'consent',
  'sdu',
  'canteen',
  'eotinish',
  'social-portal',
] as const;

export type SystemId = (typeof SYSTEM_IDS)[number];

/** Default first port of the mocks; system i listens on MOCK_PORT_BASE + i. */
export const MOCK_PORT_BASE = 4100;

const rest = (id: SystemId) => `contracts/${id}/openapi.yaml`;

const DESCRIPTIONS: Record<
  SystemId,
  Omit<SystemInfo, 'id' | 'mockPort' | 'contract'> & { contract?: string }
> = {
  gbdfl: {
    name: 'GBD FL (state database "Individuals")',
    nameKz: 'Жеке тұлғалар мемлекеттік деректер қоры',
    nameRu: 'Государственная база данных «Физические лица»',
    protocol: 'soap-shep',
    contract: 'contracts/gbdfl/gbdfl.wsdl',
  },
  modb: {
    name: 'MODB (central database of persons with disabilities)',
    nameKz: 'Мүгедектігі бар адамдардың орталықтандырылған деректер базасы',
    nameRu: 'Централизованная база данных лиц с инвалидностью',
    protocol: 'soap-shep',
    contract: 'contracts/modb/modb.wsdl',
  },
  esobes: {
    name: 'E-Sobes (social assistance system)',
    nameKz: 'Е-Собес ААЖ',
    nameRu: 'АИС «Е-Собес»',
    protocol: 'rest',
  },
  mab: {
    name: 'MAB (Mobile Citizens Base)',
    nameKz: 'Мобильді азаматтар базасы',
    nameRu: 'База мобильных граждан',
    protocol: 'rest',
  },
  nobd: {
    name: 'NOBD (national education database)',
    nameKz: 'Ұлттық білім беру деректер қоры',
    nameRu: 'Национальная образовательная база данных',
    protocol: 'rest',
  },
  banks: {
    name: 'Second-tier banks',
    nameKz: 'Екінші деңгейдегі банктер',
    nameRu: 'Банки второго уровня',
    protocol: 'rest',
  },
  billing: {
    name: 'QazaqGaz Aimaq billing',
    nameKz: 'QazaqGaz Aimaq ақпараттық жүйесі',
    nameRu: 'Информационная система QazaqGaz Aimaq',
    protocol: 'rest',
  },
  sms: {
    name: 'SMS gateway',
    nameKz: 'SMS шлюзі',
    nameRu: 'SMS-шлюз',
    protocol: 'rest',
  },
  wallet: {
    name: 'Social Wallet',
    nameKz: 'Әлеуметтік әмиян',
    nameRu: 'Социальный кошелёк',
    protocol: 'rest',
  },
  consent: {
    name: 'Consent service',
    nameKz: 'Дербес деректерге қолжетімділікті бақылау сервисі',
    nameRu: 'Сервис контроля доступа к персональным данным',
    protocol: 'rest',
  },
  sdu: {
    name: 'Smart Data Ukimet (Digital Family Card)',
    nameKz: 'Smart Data Ukimet (Отбасының цифрлық картасы)',
    nameRu: 'Smart Data Ukimet (Цифровая карта семьи)',
    protocol: 'rest',
  },
  canteen: {
    name: 'School canteen system',
    nameKz: 'Мектеп асханасының ақпараттық жүйесі',
    nameRu: 'Информационная система школьной столовой',
    protocol: 'rest',
  },
  eotinish: {
    name: 'e-Otinish (complaints)',
    nameKz: 'e-Өтініш',
    nameRu: 'e-Отиниш',
    protocol: 'rest',
  },
  'social-portal': {
    name: 'Social Services Portal (aleumet.egov.kz)',
    nameKz: 'Әлеуметтік қызметтер порталы',
    nameRu: 'Портал социальных услуг',
    protocol: 'rest',
  },
};

/** Every system, in mock-port order. */
export const SYSTEMS: readonly SystemInfo[] = SYSTEM_IDS.map((id, i) => {
  const d = DESCRIPTIONS[id];
  return { ...d, id, contract: d.contract ?? rest(id), mockPort: MOCK_PORT_BASE + i };
});

/** The system with this id. @throws Error on an unknown id, listing the known ones. */
export function systemById(id: string): SystemInfo {
  const found = SYSTEMS.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown system "${id}". Known systems: ${SYSTEM_IDS.join(', ')}`);
  return found;
}

let cachedRoot: string | undefined;

/** The folder of the installed kz-proactive package (where contracts/ and pacts/ live). */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'kz-proactive') {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the kz-proactive package root above ' + __dirname);
    dir = parent;
  }
}
