// What to do on a Libreswan box for a changed ipsec.conf or ipsec.secrets: put the new file in
// place and tell pluto, connection by connection, as ipsec_auto(8) (Libreswan 4.x) describes:
// "--add … will fail if pluto already has a specification by that name"; "--delete … deletes a
// connection specification from pluto's internal database (also tearing down any connections
// based on it)"; "--replace" is "--delete" then "--add"; "--up" asks pluto to negotiate it; the
// secrets are read at startup and again with "--rereadsecrets".
// Libreswan 4.10 pluto, observed (test/oracle/paste-libreswan.test.ts): the conns to one peer share
// one IKE SA, owned by the conn that negotiated it; `--replace` (or `--delete`) of that conn
// deletes the IKE SA ("IKE SA is shared - only terminating IPsec SA", then "deleting state
// (STATE_V2_ESTABLISHED_IKE_SA) … and sending notification"), the peer drops every Child SA on it,
// also those of conns the new file leaves as they were, and pluto brings none of them up again
// (auto=start acts at startup only; a replaced or added conn stays down until `--up`). So every
// unchanged auto=start conn to the peer of a deleted or replaced conn is brought up again too; if
// its Child SA was in fact still up, `--up` only negotiates a second one beside it (observed).
import { applyFile, fileScript, sectionChanges, type VendorPaste } from '../kit/paste';

/** Each `conn` section's text, by name, whether it is brought up by the box (`auto=start`), and its peer (`right=`). */
function conns(conf: string): { text: Map<string, string>; starts: Set<string>; peer: Map<string, string> } {
  const text = new Map<string, string>();
  const starts = new Set<string>();
  const peer = new Map<string, string>();
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
      const right = /^right\s*=\s*(\S+)$/.exec(line.trim());
      if (right?.[1]) peer.set(name, right[1]);
    }
  }
  close();
  return { text, starts, peer };
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
    // The peers whose shared IKE SA the deletes and replaces may take down (see the top of this file).
    const shaken = new Set([...removed.map((c) => b.peer.get(c)), ...changed.flatMap((c) => [b.peer.get(c), a.peer.get(c)])].filter((p): p is string => p !== undefined));
    const kept = [...a.text.keys()].filter((c) => b.text.get(c) === a.text.get(c) && a.starts.has(c) && shaken.has(a.peer.get(c) ?? ''));
    const load = [
      'ipsec auto --rereadsecrets',
      ...removed.map((c) => `ipsec auto --delete ${c}`),
      ...changed.map((c) => `ipsec auto --replace ${c}`),
      ...added.map((c) => `ipsec auto --add ${c}`),
      ...[...changed, ...added].filter((c) => a.starts.has(c)).map((c) => `ipsec auto --up ${c}`),
      ...kept.map((c) => `ipsec auto --up ${c}`),
    ];
    const notes = kept.length === 0 ? [] : [`Brought up again: ${kept.join(', ')} (unchanged, but their Child SAs may ride on the IKE SA of a conn deleted or replaced above, which pluto deletes with that conn)`];
    return fileScript(before, after, [`/etc/ipsec.d/${base}.conf`], load, notes);
  },
  apply: applyFile,
};
