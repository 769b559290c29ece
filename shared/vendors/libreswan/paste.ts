// What to do on a Libreswan box for a changed ipsec.conf or ipsec.secrets: put the new file in
// place and tell pluto, connection by connection, as ipsec_auto(8) (Libreswan 4.x) describes:
// "--add … will fail if pluto already has a specification by that name"; "--delete … deletes a
// connection specification from pluto's internal database (also tearing down any connections
// based on it)"; "--replace" is "--delete" then "--add"; "--up" asks pluto to negotiate it; the
// secrets are read at startup and again with "--rereadsecrets".
import { applyFile, fileScript, sectionChanges, type VendorPaste } from '../kit/paste';

/** Each `conn` section's text, by name, and whether it is brought up by the box (`auto=start`). */
function conns(conf: string): { text: Map<string, string>; starts: Set<string> } {
  const text = new Map<string, string>();
  const starts = new Set<string>();
  let name: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (name !== undefined) text.set(name, lines.join('\n'));
    name = undefined;
    lines = [];
  };
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const head = /^(conn|config)\s+(\S+)/.exec(line);
    if (head) {
      close();
      if (head[1] === 'conn' && head[2] !== '%default') name = head[2];
      continue;
    }
    if (name !== undefined) {
      lines.push(line.trim());
      if (/^auto\s*=\s*start$/.test(line.trim())) starts.add(name);
    }
  }
  close();
  return { text, starts };
}

export const libreswanPaste: VendorPaste = {
  keepsBoxNames: false,
  commands(before, after, file) {
    const base = file.replace(/\.ipsec\.(conf|secrets)$/, '');
    if (file.endsWith('.ipsec.secrets')) {
      return fileScript(before, after, [`/etc/ipsec.d/${base}.secrets`], ['ipsec auto --rereadsecrets'], ['Keep the secrets file readable by root only (mode 600).']);
    }
    const b = conns(before);
    const a = conns(after);
    const { added, changed, removed } = sectionChanges(b.text, a.text);
    const load = [
      'ipsec auto --rereadsecrets',
      ...removed.map((c) => `ipsec auto --delete ${c}`),
      ...changed.map((c) => `ipsec auto --replace ${c}`),
      ...added.map((c) => `ipsec auto --add ${c}`),
      ...[...changed, ...added].filter((c) => a.starts.has(c)).map((c) => `ipsec auto --up ${c}`),
    ];
    return fileScript(before, after, [`/etc/ipsec.d/${base}.conf`], load);
  },
  apply: applyFile,
};
