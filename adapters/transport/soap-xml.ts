/**
 * The hardened XML reader of the SOAP transport. A response from the gateway is untrusted text: before anything is
 * built from it, the reader refuses a message larger than the limit, any DTD (a DOCTYPE, ENTITY or other `<!`
 * declaration: XXE and billion-laughs need one), any entity reference other than the five predefined ones and
 * character references, and nesting deeper than the limit. Nothing is ever expanded, fetched or resolved: the only
 * references decoded are `&lt; &gt; &amp; &quot; &apos;` and `&#…;`. Namespaces are resolved, so callers match
 * elements by namespace URI and local name, whatever prefixes the sender chose.
 *
 * A hand-written single-pass reader rather than fast-xml-parser: fast-xml-parser 5.12 takes about 300 µs for a
 * 5 KB GBD FL answer here (more than the whole HTTP call), this reader about a tenth of that, and it refuses DTDs
 * and deep nesting in the same pass instead of a second scan.
 */

/** Limits of one document. */
export interface XmlLimits {
  /** Documents larger than this (UTF-8 bytes) are refused before they are read. */
  readonly maxBytes: number;
  /** Elements nested deeper than this are refused (the root is at depth 1). */
  readonly maxDepth: number;
}

/** Default nesting limit: the deepest SHEP message of the contracts nests 14 elements. */
export const DEFAULT_MAX_XML_DEPTH = 64;

/** Why a document was refused. */
export type XmlRefusalReason = 'too-large' | 'dtd' | 'entity' | 'too-deep' | 'malformed';

/** A document the reader refuses to read; `rule` says which limit or rule it breaks. */
export class XmlRefused extends Error {
  override readonly name = 'XmlRefused';
  readonly reason: XmlRefusalReason;
  readonly rule: string;

  constructor(reason: XmlRefusalReason, rule: string, detail: string) {
    super(detail);
    this.reason = reason;
    this.rule = rule;
  }
}

/** An element with its namespace resolved. */
export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  readonly prefix: string;
  /** Namespace URI, '' for no namespace (the unqualified children of SHEP messages). */
  readonly ns: string;
  /** Attributes by qualified name (namespace declarations included), values decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly parent: XmlElement | undefined;
  /**
   * The element's own character data (CDATA included), decoded and not trimmed; whitespace between the child
   * elements of a container is left out.
   */
  readonly text: string;
}

interface MutableElement extends XmlElement {
  readonly qname: string;
  readonly children: MutableElement[];
  text: string;
}

type Scope = Record<string, string>;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NS });
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(
  Object.create(null) as Record<string, string>,
);
const DTD_DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

/**
 * Reads a document into elements with resolved namespaces, after the size check and the DTD scan.
 * @throws XmlRefused when the document is too large, declares a DTD or an entity, references an undeclared
 * entity, nests deeper than `limits.maxDepth`, or is not well-formed.
 */
export function parseXml(text: string, limits: XmlLimits): XmlElement {
  checkSize(text, limits.maxBytes);
  // Before any tokenising: a document that so much as mentions a DTD declaration is not read at all.
  const dtd = DTD_DECLARATION.exec(text);
  if (dtd) {
    throw new XmlRefused(
      'dtd',
      'no DTD',
      `the document declares a ${(dtd[1] ?? '').toUpperCase()}; DTDs are refused (XXE, entity expansion)`,
    );
  }
  return tokenize(text, limits.maxDepth);
}

/** @throws XmlRefused (too-large) when `text` is larger than `maxBytes` in UTF-8. */
export function checkSize(text: string, maxBytes: number): void {
  // A UTF-16 code unit takes 1 to 3 UTF-8 bytes: count bytes only when the length alone cannot decide.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes)) {
    throw new XmlRefused(
      'too-large',
      `maxBytes ${maxBytes}`,
      `the document is larger than ${maxBytes} bytes`,
    );
  }
}

function malformed(detail: string): XmlRefused {
  return new XmlRefused('malformed', 'well-formed XML', detail);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** End of a tag name: whitespace, `/`, `>`. */
function endsName(c: number): boolean {
  return isSpace(c) || c === 0x2f || c === 0x3e;
}

/** End of an attribute name: whitespace, `=`, `/`, `>`. */
function endsAttributeName(c: number): boolean {
  return isSpace(c) || c === 0x3d || c === 0x2f || c === 0x3e;
}

function checkName(name: string, what: string): void {
  const last = name.length - 1;
  let bad = last < 0 || name.charCodeAt(0) === 0x3a || name.charCodeAt(last) === 0x3a;
  for (let i = 0; !bad && i <= last; i++) {
    const c = name.charCodeAt(i);
    bad = c === 0x3c || c === 0x26 || c === 0x22 || c === 0x27 || c === 0x3d; // < & " ' =
  }
  if (bad) throw malformed(`bad ${what} name`);
}

function tokenize(text: string, maxDepth: number): XmlElement {
  const len = text.length;
  const stack: MutableElement[] = [];
  const scopes: Scope[] = [ROOT_SCOPE];
  let root: MutableElement | undefined;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (!isBlank(text, pos, textEnd)) throw malformed('text outside the root element');
      } else if (top.children.length === 0 || !isBlank(text, pos, textEnd)) {
        // The indentation between the children of a container is dropped: it is not data.
        top.text += decodeReferences(text.slice(pos, textEnd));
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);

    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) throw malformed('unclosed comment');
        pos = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const top = stack[stack.length - 1];
        if (!top) throw malformed('CDATA outside the root element');
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) throw malformed('unclosed CDATA section');
        top.text += text.slice(lt + 9, end);
        pos = end + 3;
        continue;
      }
      // Any other markup declaration belongs to a DTD (the upfront scan catches the usual spellings).
      throw new XmlRefused('dtd', 'no DTD', 'the document contains a markup declaration; DTDs are refused');
    }

    if (c === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) throw malformed('unclosed processing instruction');
      pos = end + 2;
      continue;
    }

    if (c === 0x2f /* / */) {
      const end = text.indexOf('>', lt + 2);
      if (end === -1) throw malformed('unclosed end tag');
      const qname = text.slice(lt + 2, end).trimEnd();
      const open = stack.pop();
      scopes.pop();
      if (!open) throw malformed(`end tag </${qname.slice(0, 64)}> without a start tag`);
      if (open.qname !== qname) {
        throw malformed(`end tag </${qname.slice(0, 64)}> does not close <${open.qname.slice(0, 64)}>`);
      }
      pos = end + 1;
      continue;
    }

    // A start tag.
    let i = lt + 1;
    while (i < len && !endsName(text.charCodeAt(i))) i++;
    const qname = text.slice(lt + 1, i);
    checkName(qname, 'element');
    let attributes: Record<string, string> | undefined;
    let declarations: [string, string][] | undefined;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      if (i >= len) throw malformed(`unclosed start tag <${qname.slice(0, 64)}`);
      const ch = text.charCodeAt(i);
      if (ch === 0x3e /* > */) {
        i++;
        break;
      }
      if (ch === 0x2f /* / */) {
        if (text.charCodeAt(i + 1) !== 0x3e) throw malformed(`bad start tag <${qname.slice(0, 64)}`);
        i += 2;
        selfClosing = true;
        break;
      }
      if (i === before) throw malformed(`attributes of <${qname.slice(0, 64)}> are not separated by spaces`);
      const nameStart = i;
      while (i < len && !endsAttributeName(text.charCodeAt(i))) i++;
      const attribute = text.slice(nameStart, i);
      checkName(attribute, 'attribute');
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d /* = */)
        throw malformed(`attribute ${attribute.slice(0, 64)} has no value`);
      i++;
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'")
        throw malformed(`attribute ${attribute.slice(0, 64)} is not quoted`);
      const valueEnd = text.indexOf(quote, i + 1);
      if (valueEnd === -1) throw malformed(`unclosed value of attribute ${attribute.slice(0, 64)}`);
      const raw = text.slice(i + 1, valueEnd);
      if (raw.includes('<')) throw malformed(`< in the value of attribute ${attribute.slice(0, 64)}`);
      i = valueEnd + 1;
      attributes ??= Object.create(null) as Record<string, string>;
      if (attribute in attributes) throw malformed(`duplicate attribute ${attribute.slice(0, 64)}`);
      const value = decodeReferences(raw);
      attributes[attribute] = value;
      if (attribute === 'xmlns') (declarations ??= []).push(['', value]);
      else if (attribute.startsWith('xmlns:')) (declarations ??= []).push([attribute.slice(6), value]);
    }

    if (stack.length + 1 > maxDepth) {
      throw new XmlRefused(
        'too-deep',
        `maxDepth ${maxDepth}`,
        `elements are nested deeper than ${maxDepth} levels`,
      );
    }
    if (stack.length === 0 && root) throw malformed('more than one root element');
    let scope = scopes[scopes.length - 1] as Scope;
    if (declarations) {
      scope = Object.create(scope) as Scope;
      for (const [prefix, uri] of declarations) {
        if (prefix !== '' && uri === '') throw malformed(`prefix ${prefix.slice(0, 64)} is undeclared`);
        scope[prefix] = uri;
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const ns = colon === -1 ? (scope[''] ?? '') : scope[prefix];
    if (ns === undefined) throw malformed(`prefix ${prefix.slice(0, 64)} is not bound to a namespace`);
    const parent = stack[stack.length - 1];
    const element: MutableElement = {
      name: colon === -1 ? qname : qname.slice(colon + 1),
      prefix,
      ns,
      qname,
      attributes: attributes ?? NO_ATTRIBUTES,
      children: [],
      parent,
      text: '',
    };
    if (parent) parent.children.push(element);
    else root = element;
    if (!selfClosing) {
      stack.push(element);
      scopes.push(scope);
    }
    pos = i;
  }

  const open = stack[stack.length - 1];
  if (open) throw malformed(`element <${open.qname.slice(0, 64)}> is not closed`);
  if (!root) throw malformed('no root element');
  return root;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the predefined entities and character references of `raw`.
 * @throws XmlRefused (entity) on a reference to any other entity; (malformed) on a bare `&` or a bad reference.
 */
export function decodeReferences(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 12) throw malformed('& that does not start a reference');
    const ref = raw.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (ref.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#[0-9]{1,7}$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : Number.NaN;
      if (!isXmlChar(code)) throw malformed('a character reference to a character XML does not allow');
      decoded = String.fromCodePoint(code);
    } else {
      decoded = PREDEFINED[ref];
      if (decoded === undefined) {
        if (!/^[A-Za-z_:][\w.:-]*$/.test(ref)) throw malformed('& that does not start a reference');
        throw new XmlRefused(
          'entity',
          'predefined entities only',
          'the document references an entity that is not predefined; entities are never expanded',
        );
      }
    }
    out += raw.slice(from, amp) + decoded;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Escapes character data for an element's content (`&`, `<`, `>`). */
export function escapeXmlText(value: string): string {
  return /[&<>]/.test(value)
    ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    : value;
}

/** Escapes an attribute value for double quotes. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;');
}

/** The child elements named `name` in namespace `ns` ('' for unqualified). */
export function childElements(parent: XmlElement, name: string, ns = ''): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.children) if (c.name === name && c.ns === ns) out.push(c);
  return out;
}

/** The first child element named `name` in namespace `ns`, if any. */
export function childElement(parent: XmlElement, name: string, ns = ''): XmlElement | undefined {
  for (const c of parent.children) if (c.name === name && c.ns === ns) return c;
  return undefined;
}

/**
 * A readable path from `top` (included) down to `element`, e.g. `/getPersonResponse/person/identityDocuments/
 * identityDocument[2]/number`; the position is given among same-named siblings only when there are several.
 */
export function elementPath(element: XmlElement, top?: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    const siblings = e.parent ? e.parent.children.filter((s) => s.name === e!.name && s.ns === e!.ns) : [];
    parts.push(siblings.length > 1 ? `${e.name}[${siblings.indexOf(e) + 1}]` : e.name);
    if (e === top) break;
  }
  return `/${parts.reverse().join('/')}`;
}
