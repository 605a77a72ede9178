import fc from 'fast-check';
import {
  DEFAULT_MAX_XML_DEPTH,
  XmlRefused,
  childElement,
  decodeReferences,
  elementPath,
  escapeXmlAttribute,
  escapeXmlText,
  parseXml,
  type XmlElement,
} from './soap-xml';

const LIMITS = { maxBytes: 64 * 1024, maxDepth: DEFAULT_MAX_XML_DEPTH };
const parse = (xml: string, limits = LIMITS) => parseXml(xml, limits);

function refusal(xml: string, limits = LIMITS): XmlRefused {
  try {
    parse(xml, limits);
  } catch (err) {
    if (err instanceof XmlRefused) return err;
    throw err;
  }
  throw new Error('the document was read');
}

const nest = (levels: number) => '<e>'.repeat(levels) + '</e>'.repeat(levels);

describe('parseXml: namespaces', () => {
  it('resolves prefixes, default namespaces and redeclarations; unqualified children have no namespace', () => {
    const root = parse(
      '<env:Envelope xmlns:env="urn:soap" xmlns:t="urn:types"><env:Body><t:Send><request>' +
        '<p:payload xmlns:p="urn:p"><iin>850312400019</iin></p:payload>' +
        '<d xmlns="urn:default"><inner/><t:x xmlns:t="urn:other"/></d></request></t:Send></env:Body></env:Envelope>',
    );
    expect([root.name, root.prefix, root.ns]).toEqual(['Envelope', 'env', 'urn:soap']);
    const send = root.children[0]!.children[0]!;
    expect([send.name, send.ns]).toEqual(['Send', 'urn:types']);
    const request = send.children[0]!;
    expect(request.ns).toBe('');
    const [payload, d] = request.children as [XmlElement, XmlElement];
    expect([payload.ns, payload.children[0]!.ns, payload.children[0]!.text]).toEqual([
      'urn:p',
      '',
      '850312400019',
    ]);
    expect([d.ns, d.children[0]!.ns, d.children[1]!.ns]).toEqual(['urn:default', 'urn:default', 'urn:other']);
  });

  it('matches by namespace whatever the prefix: soapenv: and env: are the same element', () => {
    const a = parse('<soapenv:Envelope xmlns:soapenv="urn:soap"><soapenv:Body/></soapenv:Envelope>');
    const b = parse("<env:Envelope xmlns:env='urn:soap'><env:Body/></env:Envelope>");
    expect(childElement(a, 'Body', 'urn:soap')).toBeDefined();
    expect(childElement(b, 'Body', 'urn:soap')).toBeDefined();
  });

  it('refuses an unbound prefix', () => {
    expect(refusal('<a:x/>')).toMatchObject({ reason: 'malformed' });
    expect(refusal('<x xmlns:a=""><a:y/></x>')).toMatchObject({ reason: 'malformed' });
  });
});

describe('parseXml: content', () => {
  it('decodes the predefined entities and character references, in text and attributes', () => {
    const root = parse(`<a t='&quot;1&apos; &#x4E2D;'>&lt;b&gt; &amp; &#1240;&#x4d9;</a>`);
    expect(root.text).toBe('<b> & Әә');
    expect(root.attributes.t).toBe(`"1' 中`);
  });

  it('keeps CDATA verbatim, skips comments, processing instructions, the declaration and a BOM', () => {
    const root = parse(
      '\uFEFF<?xml version="1.0"?><!-- c --><a><?pi x?><![CDATA[<not> &amp; markup]]><!--x--></a>',
    );
    expect(root.text).toBe('<not> &amp; markup');
  });

  it('drops the indentation between children, keeps the text of leaves as it is', () => {
    const root = parse('<a>\n  <b> x y </b>\n  <c/>\n</a>');
    expect(root.text).toBe('\n  ');
    expect(root.children.map((c) => c.text)).toEqual([' x y ', '']);
  });

  it('gives a readable path, with positions among same-named siblings', () => {
    const root = parse('<r><list><item/><item><v/></item></list></r>');
    const v = root.children[0]!.children[1]!.children[0]!;
    expect(elementPath(v)).toBe('/r/list/item[2]/v');
    expect(elementPath(v, root.children[0])).toBe('/list/item[2]/v');
  });

  it('round-trips any text through escapeXmlText, and any attribute value through escapeXmlAttribute', () => {
    const xmlChar = fc
      .integer({ min: 0x20, max: 0x2fff })
      .map((c) => String.fromCodePoint(c))
      .filter((c) => c.trim() !== '' || c === ' ');
    const text = fc.array(xmlChar, { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const root = parse(`<a v="${escapeXmlAttribute(s)}">${escapeXmlText(s)}</a>`);
        return root.text === s && root.attributes.v === s;
      }),
    );
  });
});

describe('parseXml: refusals, before anything is expanded', () => {
  it('refuses a DOCTYPE with an external entity (XXE)', () => {
    const err = refusal(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>',
    );
    expect(err).toMatchObject({ reason: 'dtd', rule: 'no DTD' });
  });

  it('refuses billion laughs', () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('');
    expect(refusal(`<!DOCTYPE l [<!ENTITY lol "lol">${entities}]><l>&lol9;</l>`)).toMatchObject({
      reason: 'dtd',
    });
  });

  it.each([
    ['a lowercase doctype', '<!doctype html><html/>'],
    ['a bare ENTITY declaration', '<x><!ENTITY a "b"></x>'],
    ['an ELEMENT declaration', '<!ELEMENT x ANY><x/>'],
    ['any other markup declaration', '<x><!FOO></x>'],
  ])('refuses %s', (_case, xml) => {
    expect(refusal(xml)).toMatchObject({ reason: 'dtd' });
  });

  it('refuses a reference to an entity that is not predefined, even without a DTD', () => {
    expect(refusal('<x>&xxe;</x>')).toMatchObject({ reason: 'entity', rule: 'predefined entities only' });
    expect(refusal('<x a="&ext;"/>')).toMatchObject({ reason: 'entity' });
    expect(() => decodeReferences('&nbsp;')).toThrow(XmlRefused);
  });

  it(`reads ${DEFAULT_MAX_XML_DEPTH} levels of nesting and refuses one more`, () => {
    expect(() => parse(nest(DEFAULT_MAX_XML_DEPTH))).not.toThrow();
    expect(refusal(nest(DEFAULT_MAX_XML_DEPTH + 1))).toMatchObject({
      reason: 'too-deep',
      rule: 'maxDepth 64',
    });
    expect(refusal(nest(5), { ...LIMITS, maxDepth: 4 })).toMatchObject({ rule: 'maxDepth 4' });
  });

  it('refuses a document over the byte limit, counting UTF-8 bytes (not characters)', () => {
    const limits = { maxBytes: 100, maxDepth: 64 };
    expect(() => parse(`<a>${'x'.repeat(90)}</a>`, limits)).not.toThrow();
    expect(refusal(`<a>${'x'.repeat(100)}</a>`, limits)).toMatchObject({
      reason: 'too-large',
      rule: 'maxBytes 100',
    });
    // 60 characters, 113 bytes: Kazakh letters take two bytes each.
    expect(refusal(`<a>${'ә'.repeat(53)}</a>`, limits)).toMatchObject({ reason: 'too-large' });
  });

  it.each([
    ['an end tag that closes another element', '<a><b></a></b>'],
    ['an element that is never closed', '<a><b></b>'],
    ['two root elements', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['no root at all', '<?xml version="1.0"?><!-- nothing -->'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['attributes run together', '<a x="1"y="2"/>'],
    ['< in an attribute value', '<a x="<"/>'],
    ['a bare &', '<a>fish & chips</a>'],
    ['a reference to a character XML forbids', '<a>&#0;</a>'],
    ['an unclosed comment', '<a><!-- </a>'],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>'],
    ['an end tag without a start tag', '</a>'],
  ])('refuses %s as malformed', (_case, xml) => {
    expect(refusal(xml)).toMatchObject({ reason: 'malformed' });
  });
});
