// What to do on a strongSwan box for a changed swanctl.conf: put the new file in place and run
// `swanctl --load-all` (swanctl(8)). What that does, as the sources of charon 5.9.8 show:
// - swanctl/commands/load_conns.c: connections the daemon has and the file has not are unloaded
//   ("unload all connection in daemon, but not in file"); load_creds.c does the same for secrets;
// - libcharon/plugins/vici/vici_config.c `merge_config`: a connection whose settings changed is
//   replaced and its start actions undone and run again; `clear_start_action`: undoing `trap`
//   uninstalls the trap policies, undoing `start` closes the child's SAs. The exporter writes
//   `trap` (an initiator) or `none` (a responder), so SAs already up stay, negotiated with the old
//   settings, until they are rekeyed or closed: `swanctl --terminate --ike <name>` closes them, and
//   the next packet brings a trapped connection up again with the new settings. Real charon 5.9.8
//   does exactly that in test/oracle/paste-swanctl.test.ts.
import { applyFile, fileScript, sectionChanges, type VendorPaste } from '../kit/paste';

/** Each connection's text, by name, in a swanctl.conf as the exporter writes it (names 4 spaces in, under `connections {`). */
function connections(conf: string): Map<string, string> {
  const conns = new Map<string, string>();
  let depth = 0;
  let top: string | undefined;
  let conn: { name: string; lines: string[] } | undefined;
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const open = /^(\S+)\s*\{$/.exec(line);
    if (open) {
      if (depth === 0) top = open[1];
      else if (depth === 1 && top === 'connections') conn = { name: open[1] as string, lines: [] };
      depth++;
    } else if (line === '}') depth--;
    conn?.lines.push(line);
    if (depth === 1 && conn && line === '}') {
      conns.set(conn.name, conn.lines.join('\n'));
      conn = undefined;
    }
  }
  return conns;
}

export const strongswanPaste: VendorPaste = {
  keepsBoxNames: false,
  commands(before, after, file) {
    const { added, changed, removed } = sectionChanges(connections(before), connections(after));
    const said = (what: string, names: string[]) => (names.length > 0 ? [`${what}: ${names.join(', ')}`] : []);
    const gone = [...changed, ...removed];
    const notes = [
      ...said('Loaded as new', added),
      ...said('Replaced', changed),
      ...said('Unloaded', removed),
      ...(gone.length > 0 ? [`An IKE SA already up keeps what it was negotiated with: close it with ${gone.map((c) => `swanctl --terminate --ike ${c}`).join(', ')}; the next packet brings a trapped connection up with the new settings`] : []),
    ];
    return fileScript(before, after, [`/etc/swanctl/conf.d/${file.replace(/\.swanctl\.conf$/, '')}.conf`], ['swanctl --load-all'], notes);
  },
  apply: applyFile,
};
