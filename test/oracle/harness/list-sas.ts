// Parses `swanctl --list-sas --pretty`: the VICI messages as indented sections, key = value
// pairs and [ … ] lists. Only the fields the oracle needs are typed.

export type ViciValue = string | string[] | ViciSection;
export interface ViciSection {
  [key: string]: ViciValue;
}

export interface ChildSa {
  name: string;
  state: string;
  spiIn?: string;
  spiOut?: string;
  /** The ESP encryption as charon names it (`AES_CBC`), with its key size (`encr-keysize`) when it has one. */
  encryption?: string;
  localTs: string[];
  remoteTs: string[];
}

export interface IkeSa {
  name: string;
  state: string;
  version: string;
  children: ChildSa[];
}

/** The sections of every `list-sa event`, merged (one event per IKE SA). */
export function parsePretty(text: string): ViciSection[] {
  const events: ViciSection[] = [];
  const stack: ViciSection[] = [];
  let list: { into: ViciSection; key: string; items: string[] } | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (list) {
      if (line === ']') {
        list.into[list.key] = list.items;
        list = undefined;
      } else {
        list.items.push(line);
      }
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^(.*\S)\s*\{$/.exec(line))) {
      const section: ViciSection = {};
      const parent = stack[stack.length - 1];
      if (parent) parent[m[1] ?? ''] = section;
      else if ((m[1] ?? '').startsWith('list-sa event')) events.push(section);
      stack.push(section);
    } else if (line === '}') {
      stack.pop();
    } else if ((m = /^(\S+)\s*=\s*\[$/.exec(line))) {
      const into = stack[stack.length - 1];
      if (into) list = { into, key: m[1] ?? '', items: [] };
    } else if ((m = /^(\S+)\s*=\s*(.*)$/.exec(line))) {
      const into = stack[stack.length - 1];
      if (into) into[m[1] ?? ''] = m[2] ?? '';
    }
  }
  return events;
}

function str(v: ViciValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function strs(v: ViciValue | undefined): string[] {
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
}

/** IKE SAs with their child SAs from `swanctl --list-sas --pretty` output. */
export function parseListSas(text: string): IkeSa[] {
  const out: IkeSa[] = [];
  for (const event of parsePretty(text)) {
    for (const [name, value] of Object.entries(event)) {
      if (typeof value !== 'object' || Array.isArray(value)) continue;
      const children: ChildSa[] = [];
      const childSas = value['child-sas'];
      if (childSas && typeof childSas === 'object' && !Array.isArray(childSas)) {
        for (const [key, child] of Object.entries(childSas)) {
          if (typeof child !== 'object' || Array.isArray(child)) continue;
          const c: ChildSa = {
            name: str(child['name']) ?? key.replace(/-\d+$/, ''),
            state: str(child['state']) ?? '',
            localTs: strs(child['local-ts']),
            remoteTs: strs(child['remote-ts']),
          };
          const spiIn = str(child['spi-in']);
          const spiOut = str(child['spi-out']);
          if (spiIn) c.spiIn = spiIn;
          if (spiOut) c.spiOut = spiOut;
          const encr = str(child['encr-alg']);
          const keysize = str(child['encr-keysize']);
          if (encr) c.encryption = keysize ? `${encr}-${keysize}` : encr;
          children.push(c);
        }
      }
      out.push({ name, state: str(value['state']) ?? '', version: str(value['version']) ?? '', children });
    }
  }
  return out;
}
