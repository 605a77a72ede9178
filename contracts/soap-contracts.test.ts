import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { systemById } from '../src/systems';

// The SOAP contracts (SHEP SyncChannel, GBD FL, MODB) are WSDL + XSD. These tests prove that every schema compiles
// and that every example fixture is exactly what the schemas allow, at three levels: the SOAP envelope, the SHEP
// SendMessage/SendMessageResponse/Fault in the Body, and the service payload inside requestData/data or
// responseData/data (typed XML or an escaped string). xmllint validates the Body and data contents only laxly (they
// are xs:any / xs:anyType), so each level is also extracted and validated on its own, where an unknown root fails.
// Each xmllint-wasm call starts a worker, so the documents are validated in a few batched calls in beforeAll.

const CONTRACTS = __dirname;
const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  shep: 'http://bip.bee.kz/SyncChannel/v10/Types',
};
const SERVICE_ID_APPINFO = /<xs:appinfo source="urn:kz-proactive:shep:serviceId">([^<]+)<\/xs:appinfo>/;

// ---------- files ----------

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

const rel = (file: string) => path.relative(CONTRACTS, file).split(path.sep).join('/');
const allFiles = walk(CONTRACTS).filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
const schemaFiles = allFiles.filter((f) => f.endsWith('.xsd')).map(rel);
const wsdlFiles = allFiles.filter((f) => f.endsWith('.wsdl')).map(rel);
const read = (relPath: string) => fs.readFileSync(path.join(CONTRACTS, relPath), 'utf8');

interface SchemaInfo {
  file: string;
  targetNamespace: string;
  serviceId?: string;
}
const schemas: SchemaInfo[] = schemaFiles.map((file) => {
  const text = read(file);
  const tns = /<xs:schema\b[^>]*\stargetNamespace="([^"]+)"/.exec(text)?.[1];
  if (!tns) throw new Error(`${file} has no targetNamespace`);
  return { file, targetNamespace: tns, serviceId: SERVICE_ID_APPINFO.exec(text)?.[1] };
});
const preload: XMLFileInfo[] = schemaFiles.map((f) => ({ fileName: f, contents: read(f) }));

/** A schema with no namespace of its own that imports every contract schema, so one call validates anything. */
const BUNDLE: XMLFileInfo = {
  fileName: 'bundle.xsd',
  contents:
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">' +
    schemas.map((s) => `<xs:import namespace="${s.targetNamespace}" schemaLocation="${s.file}"/>`).join('') +
    '</xs:schema>',
};

interface Example {
  system: string;
  name: string;
  dir: string;
}
const examples: Example[] = allFiles
  .filter((f) => f.endsWith(`${path.sep}request.xml`))
  .map((f) => rel(path.dirname(f)))
  .filter((dir) => /^[^/]+\/examples\/[^/]+$/.test(dir))
  // Only the systems reached through SHEP, the folders with a WSDL of their own.
  .filter((dir) => wsdlFiles.some((w) => w.startsWith(`${dir.split('/')[0]}/`)))
  .map((dir) => {
    const [system = '', , name = ''] = dir.split('/');
    return { system, name, dir };
  });

// ---------- a small namespace-aware XML reader, enough to cut a SOAP message into its parts ----------

interface XmlElement {
  prefix: string;
  local: string;
  ns: string;
  /** Namespace declarations on this element: prefix ('' for the default) → URI. */
  decls: Map<string, string>;
  parent?: XmlElement;
  children: XmlElement[];
  /** Offsets in the source: the start tag begins at start, the content spans innerStart..innerEnd, end is after the end tag. */
  start: number;
  startTagEnd: number;
  innerStart: number;
  innerEnd: number;
  end: number;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function lookupNs(el: XmlElement | undefined, prefix: string): string | undefined {
  for (let e = el; e; e = e.parent) if (e.decls.has(prefix)) return e.decls.get(prefix);
  return prefix === '' ? '' : undefined;
}

/** Parses well-formed XML into elements with resolved namespaces. @throws Error on unbalanced tags. */
function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, closing, qname, attrs = '', selfClosing] = m;
    if (!qname) continue;
    const at = m.index ?? 0;
    if (closing) {
      const open = stack.pop();
      if (!open || `${open.prefix ? open.prefix + ':' : ''}${open.local}` !== qname)
        throw new Error(`unbalanced </${qname}> at ${at}`);
      open.innerEnd = at;
      open.end = at + whole.length;
      continue;
    }
    const decls = new Map<string, string>();
    for (const a of attrs.matchAll(ATTR)) {
      const [, name = '', v1, v2] = a;
      if (name === 'xmlns') decls.set('', v1 ?? v2 ?? '');
      else if (name.startsWith('xmlns:')) decls.set(name.slice(6), v1 ?? v2 ?? '');
    }
    const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      prefix: prefix ?? '',
      local: local ?? '',
      ns: '',
      decls,
      parent,
      children: [],
      start: at,
      startTagEnd: at + whole.length,
      innerStart: at + whole.length,
      innerEnd: at + whole.length,
      end: at + whole.length,
    };
    const ns = lookupNs(el, el.prefix);
    if (ns === undefined) throw new Error(`undeclared prefix ${el.prefix} at ${at}`);
    el.ns = ns;
    if (parent) parent.children.push(el);
    else if (!root) root = el;
    if (!selfClosing) stack.push(el);
  }
  if (!root || stack.length) throw new Error('not a complete XML document');
  return root;
}

const child = (el: XmlElement | undefined, local: string, ns = '') =>
  el?.children.find((c) => c.local === local && c.ns === ns);
const descendants = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(descendants)];

function decodeText(raw: string): string {
  return raw.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g,
    (_, cdata, ent) => {
      if (cdata !== undefined) return cdata as string;
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
      if (named[ent]) return named[ent];
      return String.fromCodePoint(
        ent.startsWith('#x') ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10),
      );
    },
  );
}

const textOf = (xml: string, el: XmlElement) => decodeText(xml.slice(el.innerStart, el.innerEnd)).trim();

/** The element as a standalone document: its source, plus the namespace declarations it inherits. */
function standalone(xml: string, el: XmlElement): string {
  const inherited = new Map<string, string>();
  for (let e = el.parent; e; e = e.parent)
    for (const [p, uri] of e.decls) if (!inherited.has(p) && !el.decls.has(p)) inherited.set(p, uri);
  const extra = [...inherited].map(([p, uri]) => ` ${p ? `xmlns:${p}` : 'xmlns'}="${uri}"`).join('');
  const nameEnd = el.start + 1 + (el.prefix ? el.prefix.length + 1 : 0) + el.local.length;
  return xml.slice(el.start, nameEnd) + extra + xml.slice(nameEnd, el.end);
}

interface Payload {
  mode: 'typed' | 'string';
  xml: string;
  root: XmlElement;
}

/** The service payload in a SHEP data element: its one element child, or its text parsed as XML. */
function payloadOf(xml: string, data: XmlElement): Payload {
  if (data.children.length > 0) {
    if (data.children.length !== 1)
      throw new Error(`data holds ${data.children.length} elements, expected one`);
    const payloadXml = standalone(xml, data.children[0] as XmlElement);
    return { mode: 'typed', xml: payloadXml, root: parseXml(payloadXml) };
  }
  const text = textOf(xml, data);
  if (!text.startsWith('<')) throw new Error('data is neither an element nor an escaped XML string');
  return { mode: 'string', xml: text, root: parseXml(text) };
}

// ---------- IIN ----------

/** Checks an IIN as the domain layer does (kept here so the contract tests depend on nothing but the contracts). */
function isValidIinChecksum(iin: string): boolean {
  if (!/^[0-9]{12}$/.test(iin)) return false;
  const d = [...iin].map(Number);
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * (d[i] ?? 0), 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === d[11];
}

const isIinElement = (el: XmlElement) => el.local === 'iin' || /[a-z]Iin$/.test(el.local);
const iinsIn = (xml: string, root: XmlElement) =>
  descendants(root)
    .filter(isIinElement)
    .map((el) => textOf(xml, el));

// ---------- cutting an example into the documents to validate ----------

interface Cut {
  envelope: XmlElement;
  bodyChild: XmlElement;
  /** SHEP SendMessage / SendMessageResponse → requestInfo or responseInfo; absent for a fault. */
  info?: XmlElement;
  payload?: Payload;
  faultDetail?: XmlElement;
}

function cut(xml: string, kind: 'request' | 'response'): Cut {
  const envelope = parseXml(xml);
  if (envelope.ns !== NS.soap || envelope.local !== 'Envelope')
    throw new Error('root is not a SOAP 1.1 Envelope');
  const body = child(envelope, 'Body', NS.soap);
  if (!body || body.children.length !== 1) throw new Error('the SOAP Body must hold exactly one element');
  const bodyChild = body.children[0] as XmlElement;
  if (bodyChild.ns === NS.soap && bodyChild.local === 'Fault') {
    if (kind === 'request') throw new Error('a request cannot be a SOAP Fault');
    const detail = child(bodyChild, 'detail');
    const faultDetail = detail?.children.find((c) => c.ns === NS.shep);
    return { envelope, bodyChild, faultDetail };
  }
  const wrapper = kind === 'request' ? 'SendMessage' : 'SendMessageResponse';
  if (bodyChild.ns !== NS.shep || bodyChild.local !== wrapper)
    throw new Error(`Body holds {${bodyChild.ns}}${bodyChild.local}, expected SHEP ${wrapper}`);
  const inner = child(bodyChild, kind);
  const info = child(inner, kind === 'request' ? 'requestInfo' : 'responseInfo');
  const data = child(child(inner, kind === 'request' ? 'requestData' : 'responseData'), 'data');
  return { envelope, bodyChild, info, payload: data ? payloadOf(xml, data) : undefined };
}

// ---------- running xmllint ----------

interface Outcome {
  valid: boolean;
  messages: string[];
}

/** Validates documents in one xmllint call and tells, per file name, whether it validated and why not. */
async function validateAll(docs: XMLFileInfo[], schema: XMLFileInfo): Promise<Map<string, Outcome>> {
  // A schema that does not compile rejects the whole call: every document then fails with that reason, and the
  // per-schema compile tests say which schema it is.
  const output = await validateXML({ xml: docs, schema: [schema], preload }).then(
    (r) => ({ raw: r.rawOutput, schemaError: undefined }),
    (e: Error) => ({ raw: '', schemaError: `the schemas do not compile: ${e.message}` }),
  );
  const lines = output.raw.split('\n');
  return new Map(
    docs.map((d) => [
      d.fileName,
      {
        valid: lines.includes(`${d.fileName} validates`),
        messages: output.schemaError
          ? [output.schemaError]
          : lines.filter((l) => l.startsWith(`${d.fileName}:`)),
      },
    ]),
  );
}

/** Parses files with no schema: a file is well-formed when xmllint reports no error for it. */
async function parseAll(files: string[]): Promise<Map<string, string[]>> {
  const docs = files.map((f) => ({ fileName: f, contents: read(f) }));
  const output = await validateXML({ xml: docs, normalization: 'c14n' }).then(
    (r) => r.rawOutput,
    (e: Error) => e.message,
  );
  const lines = output.split('\n');
  return new Map(files.map((f) => [f, lines.filter((l) => l.startsWith(`${f}:`))]));
}

/** Compiles one schema with its imports; undefined when it compiles, else xmllint's complaint. */
async function compile(file: string): Promise<string | undefined> {
  const probe = { fileName: 'probe.xml', contents: '<compileProbe/>' };
  return validateXML({ xml: [probe], schema: [{ fileName: file, contents: read(file) }], preload }).then(
    (r) => (/failed to compile|parser error/.test(r.rawOutput) ? r.rawOutput : undefined),
    (e: Error) => e.message,
  );
}

// ---------- the fixtures under test ----------

interface Checked {
  example: Example;
  request: Cut;
  response: Cut;
  requestXml: string;
  responseXml: string;
  /** File names of the documents cut from this example, validated in the batch. */
  docs: Record<string, string>;
}

const checked: Checked[] = [];
const docs: XMLFileInfo[] = [];
let outcomes = new Map<string, Outcome>();
let wellFormed = new Map<string, string[]>();
const compiled = new Map<string, string | undefined>();

const cutErrors = new Map<string, Error>();

function cutExample(example: Example): Checked {
  const requestXml = read(`${example.dir}/request.xml`);
  const responseXml = read(`${example.dir}/response.xml`);
  const request = cut(requestXml, 'request');
  const response = cut(responseXml, 'response');
  const base = `check/${example.dir}`;
  const d: Record<string, string> = {
    requestEnvelope: addDoc(`${base}/request.envelope.xml`, requestXml),
    requestBody: addDoc(`${base}/request.body.xml`, standalone(requestXml, request.bodyChild)),
    responseEnvelope: addDoc(`${base}/response.envelope.xml`, responseXml),
    responseBody: addDoc(`${base}/response.body.xml`, standalone(responseXml, response.bodyChild)),
  };
  if (request.payload) d.requestPayload = addDoc(`${base}/request.payload.xml`, request.payload.xml);
  if (response.payload) d.responsePayload = addDoc(`${base}/response.payload.xml`, response.payload.xml);
  if (response.faultDetail)
    d.faultDetail = addDoc(
      `${base}/response.fault-detail.xml`,
      standalone(responseXml, response.faultDetail),
    );
  return { example, request, response, requestXml, responseXml, docs: d };
}

function addDoc(fileName: string, contents: string): string {
  docs.push({ fileName, contents });
  return fileName;
}

const livingPerson = 'gbdfl/examples/GetPerson__living_person';
/** Documents cut from a good example and then broken (plus one that must still pass), validated in the batch. */
const probes: Record<string, string> = {};

beforeAll(async () => {
  for (const example of examples) {
    // An example that cannot even be cut into its parts fails its own tests, not the whole file.
    try {
      checked.push(cutExample(example));
    } catch (e) {
      cutErrors.set(example.dir, e as Error);
    }
  }

  // Documents that must NOT validate, so that these tests can fail.
  const good = read(`${livingPerson}/request.xml`);
  const goodPayload = cut(good, 'request').payload?.xml ?? '';
  probes.missingIin = addDoc('negative/missing-iin.xml', goodPayload.replace(/\s*<iin>[0-9]+<\/iin>/, ''));
  probes.shortIin = addDoc(
    'negative/short-iin.xml',
    goodPayload.replace('<iin>850312400019</iin>', '<iin>85031240001</iin>'),
  );
  probes.noConsent = addDoc(
    'negative/no-consent-token.xml',
    goodPayload.replace(/\s*<consentToken>[^<]*<\/consentToken>/, ''),
  );
  probes.misspelledWrapper = addDoc(
    'negative/misspelled-wrapper.xml',
    standalone(good, cut(good, 'request').bodyChild).replace(/typ:SendMessage\b/g, 'typ:SendMesage'),
  );
  probes.missingServiceId = addDoc(
    'negative/missing-service-id.xml',
    good.replace(/\s*<serviceId>[^<]*<\/serviceId>/, ''),
  );
  // A payload whose namespace is declared only on the Envelope: extraction must carry the declaration along.
  const inherited = good
    .replace('<soapenv:Envelope ', '<soapenv:Envelope xmlns:gp="urn:kz-proactive:gbdfl:get-person:v1" ')
    .replace(' xmlns:gp="urn:kz-proactive:gbdfl:get-person:v1">', '>');
  probes.inheritedNs = addDoc(
    'positive/inherited-namespace.xml',
    cut(inherited, 'request').payload?.xml ?? '',
  );

  const [validated, parsed] = await Promise.all([
    validateAll(docs, BUNDLE),
    parseAll([...wsdlFiles, ...schemaFiles]),
    ...schemaFiles.map(async (f) => compiled.set(f, await compile(f))),
  ]);
  outcomes = validated;
  wellFormed = parsed;
}, 60_000);

const outcome = (fileName: string | undefined): Outcome => {
  if (!fileName) throw new Error('document missing');
  const o = outcomes.get(fileName);
  if (!o) throw new Error(`${fileName} was not validated`);
  return o;
};
const expectValid = (fileName: string | undefined) =>
  expect(outcome(fileName)).toEqual({ valid: true, messages: [] });
const get = (name: string) => {
  const error = cutErrors.get(name);
  if (error) throw new Error(`${name} cannot be read as a SHEP message: ${error.message}`);
  const c = checked.find((x) => x.example.dir === name);
  if (!c) throw new Error(`no example ${name}`);
  return c;
};

// ---------- tests ----------

describe('SOAP contract files', () => {
  it('finds the WSDLs, the schemas and the examples', () => {
    expect(wsdlFiles).toEqual(
      expect.arrayContaining(['common/shep/shep-sync-channel.wsdl', 'gbdfl/gbdfl.wsdl', 'modb/modb.wsdl']),
    );
    expect(schemaFiles.length).toBeGreaterThanOrEqual(9);
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each([...wsdlFiles, ...schemaFiles])('%s is well-formed XML', (file) => {
    expect(wellFormed.get(file)).toEqual([]);
  });

  it.each(schemaFiles)('%s compiles with its imports', (file) => {
    expect(compiled.get(file)).toBeUndefined();
  });

  it.each(schemas.filter((s) => s.file.includes('/xsd/') && !s.file.includes('/xsd/types/')))(
    '$file names its SHEP serviceId and has a one-line summary',
    (s) => {
      expect(s.serviceId).toMatch(/^(GBDFL|MODB)_[A-Z][A-Za-z]+$/);
      expect(/<xs:documentation>([^<]{1,200})<\/xs:documentation>/.exec(read(s.file))?.[1]).toBeDefined();
    },
  );

  it('gives every schema its own target namespace', () => {
    const namespaces = schemas.map((s) => s.targetNamespace);
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  it.each(wsdlFiles)('%s imports only files that exist', (file) => {
    const text = read(file);
    // Relative locations are imports; the absolute one is the service address.
    const locations = [...text.matchAll(/\s(?:location|schemaLocation)="([^"]+)"/g)]
      .map((m) => m[1] ?? '')
      .filter((loc) => !/^[a-z]+:\/\//.test(loc));
    expect(locations.length).toBeGreaterThan(0);
    for (const loc of locations)
      expect(fs.existsSync(path.join(CONTRACTS, path.dirname(file), loc))).toBe(true);
  });

  it('binds SendMessage document/literal over SOAP 1.1 with the SHEP elements and fault', () => {
    const wsdl = read('common/shep/shep-sync-channel.wsdl');
    expect(wsdl).toContain('targetNamespace="http://bip.bee.kz/SyncChannel/v10/Interfaces"');
    expect(wsdl).toContain(
      '<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>',
    );
    for (const element of ['SendMessage', 'SendMessageResponse', 'SendMessageFault1_SendMessageFault'])
      expect(wsdl).toContain(`element="typ:${element}"`);
    const shep = read('common/shep/shep-sync-channel.xsd');
    for (const element of ['SendMessage', 'SendMessageResponse', 'SendMessageFault1_SendMessageFault'])
      expect(shep).toContain(`<xs:element name="${element}"`);
    expect((wsdl.match(/<soap:body use="literal"\/>/g) ?? []).length).toBe(2);
  });

  it.each(['gbdfl', 'modb'])("%s.wsdl points at the system's mock port", (id) => {
    const port = new URL(/<soap:address location="([^"]+)"/.exec(read(`${id}/${id}.wsdl`))?.[1] ?? '').port;
    expect(Number(port)).toBe(systemById(id).mockPort);
  });
});

describe.each(examples.map((e) => [e.dir, e] as const))('example %s', (dir, example) => {
  it('request: the SOAP envelope, the SendMessage and the payload validate', () => {
    const c = get(dir);
    expectValid(c.docs.requestEnvelope);
    expectValid(c.docs.requestBody);
    expectValid(c.docs.requestPayload);
  });

  it('response: the SOAP envelope and the SendMessageResponse or the SHEP fault validate', () => {
    const c = get(dir);
    expectValid(c.docs.responseEnvelope);
    expectValid(c.docs.responseBody);
    if (c.response.faultDetail) {
      expectValid(c.docs.faultDetail);
      expect(c.response.faultDetail.local).toBe('SendMessageFault1_SendMessageFault');
    } else {
      expectValid(c.docs.responsePayload);
    }
  });

  it('carries the payload of a service of its own system, named by serviceId, in both directions', () => {
    const c = get(dir);
    const req = c.request.payload;
    if (!req) throw new Error('request without payload');
    const service = schemas.find((s) => s.targetNamespace === req.root.ns);
    expect(service?.file.startsWith(`${example.system}/xsd/`)).toBe(true);
    expect(textOf(c.requestXml, child(c.request.info, 'serviceId') as XmlElement)).toBe(service?.serviceId);
    expect(req.root.local).toMatch(/Request$/);
    const res = c.response.payload;
    if (res) {
      expect(res.root.ns).toBe(req.root.ns);
      expect(res.root.local).toBe(req.root.local.replace(/Request$/, 'Response'));
    }
  });

  it('echoes messageId and correlationId, with status SCSS001 or a fault', () => {
    const c = get(dir);
    const text = (xml: string, el: XmlElement | undefined, name: string) => {
      const found = child(el, name);
      return found ? textOf(xml, found) : undefined;
    };
    if (!c.response.info) {
      expect(c.response.faultDetail).toBeDefined();
      expect(text(c.responseXml, c.response.faultDetail, 'errorCode')).toMatch(/^E[A-Z]{3,4}[0-9]{3}$/);
      return;
    }
    expect(text(c.responseXml, c.response.info, 'messageId')).toBe(
      text(c.requestXml, c.request.info, 'messageId'),
    );
    expect(text(c.responseXml, c.response.info, 'correlationId')).toBe(
      text(c.requestXml, c.request.info, 'correlationId'),
    );
    expect(text(c.responseXml, child(c.response.info, 'status'), 'code')).toBe('SCSS001');
  });

  it('names only synthetic people whose IINs have a valid checksum', () => {
    const c = get(dir);
    const iins = [
      ...iinsIn(c.requestXml, c.request.envelope),
      ...iinsIn(c.responseXml, c.response.envelope),
      ...(c.request.payload?.mode === 'string' ? iinsIn(c.request.payload.xml, c.request.payload.root) : []),
      ...(c.response.payload?.mode === 'string'
        ? iinsIn(c.response.payload.xml, c.response.payload.root)
        : []),
    ];
    expect(iins.length).toBeGreaterThan(0);
    expect(iins.filter((iin) => !isValidIinChecksum(iin))).toEqual([]);
  });
});

describe('the examples cover', () => {
  it.each(['GetPerson', 'GetBirthCertificate', 'CheckKinship', 'GetDisability', 'GetIprMeasures'])(
    '%s: success, not found and a SHEP error',
    (operation) => {
      const names = examples.filter((e) => e.name.startsWith(`${operation}__`)).map((e) => e.name);
      const results = names.map((n) => {
        const c = checked.find((x) => x.example.name === n);
        if (c?.response.faultDetail) return 'SHEP_ERROR';
        const result = child(c?.response.payload?.root, 'result');
        return result && c?.response.payload
          ? textOf(c.response.payload.xml, child(result, 'code') as XmlElement)
          : '';
      });
      expect(results).toEqual(expect.arrayContaining(['OK', 'NOT_FOUND', 'SHEP_ERROR']));
    },
  );

  it('both payload modes: typed XML and an escaped string, in each system', () => {
    for (const system of ['gbdfl', 'modb']) {
      const modes = checked.filter((c) => c.example.system === system).map((c) => c.request.payload?.mode);
      expect(modes).toEqual(expect.arrayContaining(['typed', 'string']));
    }
  });
});

describe('validation can fail', () => {
  it('refuses a GBD FL payload without its IIN', () => {
    const o = outcome(probes.missingIin);
    expect(o.valid).toBe(false);
    expect(o.messages.join('\n')).toMatch(/iin/);
  });

  it('refuses an IIN of 11 digits', () => {
    const o = outcome(probes.shortIin);
    expect(o.valid).toBe(false);
    expect(o.messages.join('\n')).toMatch(/\[0-9\]\{12\}|pattern/);
  });

  it('refuses a GBD FL request without the consent token (seed 003 cl. 7)', () => {
    const o = outcome(probes.noConsent);
    expect(o.valid).toBe(false);
    expect(o.messages.join('\n')).toMatch(/consentToken/);
  });

  it('refuses a Body whose SHEP element is misspelled, though the envelope alone would let it through', () => {
    const o = outcome(probes.misspelledWrapper);
    expect(o.valid).toBe(false);
    expect(o.messages.join('\n')).toMatch(/SendMesage/);
  });

  it('refuses a SendMessage without serviceId', () => {
    const o = outcome(probes.missingServiceId);
    expect(o.valid).toBe(false);
    expect(o.messages.join('\n')).toMatch(/serviceId/);
  });

  it('keeps the namespace declarations a payload inherits from the envelope', () => {
    expectValid(probes.inheritedNs);
  });

  it('checks IINs with both weight sets', () => {
    for (const iin of ['850312400019', '820701300011', '120905500017', '150214600012', '530120300012'])
      expect(isValidIinChecksum(iin)).toBe(true);
    expect(isValidIinChecksum('850312400018')).toBe(false);
    expect(isValidIinChecksum('85031240001')).toBe(false);
    // 850312401808: the first weight set gives 10, the second gives 8.
    expect(isValidIinChecksum('850312401808')).toBe(true);
    expect(isValidIinChecksum('850312401807')).toBe(false);
    // 85031240181x: both weight sets give 10, so no check digit makes it valid.
    for (let digit = 0; digit <= 9; digit++) expect(isValidIinChecksum(`85031240181${digit}`)).toBe(false);
  });
});
