import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { packageRoot, SYSTEMS, systemById, type SystemInfo } from './systems';

/** One operation of a system's contract. */
export interface ContractOperation {
  readonly id: string;
  /** `GET /phones/{iin}` for REST; `SendMessage(GetPerson)` style service name for SOAP. */
  readonly endpoint: string;
  readonly summary: string;
}

/** What a contract offers: its operations and, for REST, the callbacks it sends (OpenAPI webhooks). */
export interface ContractSummary {
  readonly system: SystemInfo;
  readonly version: string;
  readonly operations: readonly ContractOperation[];
  readonly webhooks: readonly string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

type OpenApiOperation = { operationId?: string; summary?: string };
type OpenApiDocument = {
  info?: { version?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
  webhooks?: Record<string, unknown>;
};

/** Reads a system's contract from the package and lists its operations. @throws Error if the file is missing. */
export function summarizeContract(systemId: string, root = packageRoot()): ContractSummary {
  const system = systemById(systemId);
  const file = path.join(root, system.contract);
  const text = fs.readFileSync(file, 'utf8');
  if (system.protocol === 'rest') {
    const doc = parse(text) as OpenApiDocument;
    const operations: ContractOperation[] = [];
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      for (const m of METHODS) {
        const op = item[m];
        if (op)
          operations.push({
            id: op.operationId ?? `${m} ${p}`,
            endpoint: `${m.toUpperCase()} ${p}`,
            summary: op.summary ?? '',
          });
      }
    }
    return {
      system,
      version: doc.info?.version ?? '',
      operations,
      webhooks: Object.keys(doc.webhooks ?? {}),
    };
  }
  // SOAP: the WSDL lists SyncChannel SendMessage; the services are the payload XSDs beside it.
  const xsdDir = path.join(path.dirname(file), 'xsd');
  const operations: ContractOperation[] = [];
  let version = '';
  for (const xsd of fs.existsSync(xsdDir)
    ? fs
        .readdirSync(xsdDir)
        .filter((f) => f.endsWith('.xsd'))
        .sort()
    : []) {
    const service = path.basename(xsd, '.xsd');
    const schema = fs.readFileSync(path.join(xsdDir, xsd), 'utf8');
    const doc = /<xs:documentation[^>]*>([^<]{1,200})/.exec(schema);
    version ||= /<xs:schema[^>]*\sversion="([^"]+)"/.exec(schema)?.[1] ?? '';
    operations.push({
      id: service,
      endpoint: `SendMessage(${service})`,
      summary: doc?.[1]?.trim().replace(/\s+/g, ' ') ?? '',
    });
  }
  return { system, version, operations, webhooks: [] };
}

/** Summaries of every system's contract. */
export function summarizeContracts(root = packageRoot()): ContractSummary[] {
  return SYSTEMS.map((s) => summarizeContract(s.id, root));
}
