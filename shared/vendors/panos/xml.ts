// The XML of `show config running` (and of a saved running-config.xml) as the statements
// `show config running format set` prints for it, so one reader reads both forms. The tree is the
// PAN-OS schema's (pan-os-codegen specs: objects/address.yaml locations `/config/devices/
// entry[@name=localhost.localdomain]/vsys/entry[@name=vsys1]/address`, `/config/shared/address`;
// network/*.yaml under `/config/devices/entry/network`): `<entry name="x">` is the word x, a list
// of `<member>`s is one `[ a b ]` value, an element holding text ends its statement with it.
//
// Line accounting: a statement is what `format set` would print as one line: each element holding
// text, each list of members, each element or entry with no children. Its line is the line where
// that element starts (for a list, where its parent element starts); the elements that only
// contain others (`<network>`, `<entry name="gw1">`) are not statements of their own.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlStatement {
  line: number;
  words: string[];
}

export type XmlRead = { ok: true; statements: XmlStatement[]; version?: string } | { ok: false; message: string };

/** One node of fast-xml-parser's ordered tree: `{ tag: children, ':@': attributes }` or `{ '#text': value }`. */
type XmlNode = Record<string, unknown>;

const tagOf = (n: XmlNode): string | undefined => Object.keys(n).find((k) => k !== ':@');
const childrenOf = (n: XmlNode, tag: string): XmlNode[] => (Array.isArray(n[tag]) ? (n[tag] as XmlNode[]) : []);
const attrsOf = (n: XmlNode): Record<string, string> => (n[':@'] ?? {}) as Record<string, string>;
const textOf = (kids: readonly XmlNode[]): string | undefined => {
  const t = kids.find((k) => '#text' in k);
  return t === undefined ? undefined : String(t['#text']);
};

/** Finds each element's start tag in document order, so a statement carries its line (the parser keeps none). */
class Locator {
  private pos = 0;
  private line = 1;
  private readonly text: string;
  constructor(text: string) {
    // Comments may hold tags: blank them, keeping their line breaks.
    this.text = text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  }
  private readonly patterns = new Map<string, RegExp>();
  find(tag: string): number {
    let re = this.patterns.get(tag);
    if (!re) {
      re = new RegExp(`<${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s/>]`, 'g');
      this.patterns.set(tag, re);
    }
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return this.line;
    for (let i = this.pos; i < m.index; i++) if (this.text.charCodeAt(i) === 10) this.line++;
    this.pos = m.index + 1;
    return this.line;
  }
}

/** Panorama's own trees: a Panorama export configures many firewalls, not one. */
const PANORAMA = new Set(['device-group', 'template', 'template-stack']);

export function xmlStatements(text: string): XmlRead {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // Elements still open at the end (the parser lists them), or an error on the last line: the file was cut off.
    const lastLine = text.trimEnd().split('\n').length;
    const open = valid.err.msg.startsWith("Invalid '[") || valid.err.msg.startsWith('Unclosed tag');
    const cut = open || valid.err.line >= lastLine;
    const what = cut ? `the XML ends before its elements are closed${open ? '' : ` (line ${valid.err.line})`}: the file looks cut off` : `the XML is not well formed at line ${valid.err.line}: ${valid.err.msg}`;
    return { ok: false, message: `${what}; export it again with "show config running" (or Device > Setup > Operations > Export named configuration snapshot)` };
  }
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true }).parse(text) as XmlNode[];
  const loc = new Locator(text);
  const out: XmlStatement[] = [];
  const walk = (n: XmlNode, path: readonly string[]): void => {
    const tag = tagOf(n);
    if (tag === undefined || tag === '#text' || tag.startsWith('?')) return;
    const line = loc.find(tag);
    const name = attrsOf(n)['name'];
    const here = [...path, tag === 'entry' && name !== undefined ? name : tag];
    const kids = childrenOf(n, tag);
    const elements = kids.filter((k) => tagOf(k) !== '#text');
    const value = textOf(kids);
    if (elements.length === 0) {
      out.push({ line, words: value === undefined ? here : [...here, value] });
    } else if (elements.every((k) => tagOf(k) === 'member')) {
      const members = elements.map((k) => {
        loc.find('member');
        return textOf(childrenOf(k, 'member')) ?? '';
      });
      out.push({ line, words: [...here, '[', ...members, ']'] });
    } else {
      for (const k of elements) walk(k, here);
    }
  };
  // The XML API wraps it: <response status="success"><result><config …>.
  const response = tree.find((n) => tagOf(n) === 'response');
  const result = response ? childrenOf(response, 'response').find((n) => tagOf(n) === 'result') : undefined;
  const root = (result ? childrenOf(result, 'result') : tree).find((n) => tagOf(n) === 'config');
  if (!root) return { ok: false, message: 'the XML has no <config> element: export the firewall\'s running configuration ("show config running" in the CLI, or the running-config.xml of Device > Setup > Operations)' };
  loc.find('config');
  const attrs = attrsOf(root);
  for (const child of childrenOf(root, 'config')) {
    if (tagOf(child) !== 'devices') {
      walk(child, ['set']);
      continue;
    }
    loc.find('devices');
    for (const device of childrenOf(child, 'devices')) {
      if (tagOf(device) !== 'entry') continue;
      loc.find('entry');
      for (const part of childrenOf(device, 'entry')) {
        const tag = tagOf(part);
        if (tag !== undefined && PANORAMA.has(tag)) {
          return { ok: false, message: `this is a Panorama configuration (it holds a <${tag}>): it configures many firewalls; export the running configuration of each firewall ("show config running" on the firewall) and import those` };
        }
        walk(part, ['set']);
      }
    }
  }
  const version = attrs['detail-version'] ?? attrs['version'];
  return { ok: true, statements: out, ...(version !== undefined ? { version } : {}) };
}
