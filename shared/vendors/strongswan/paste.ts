// What to do on a strongSwan box for a changed swanctl.conf: put the new file in place and run
// `swanctl --load-all` (swanctl(8)). That is all it takes, as the sources of charon 5.9.8 show:
// - swanctl/commands/load_conns.c: connections the daemon has and the file has not are unloaded
//   ("unload all connection in daemon, but not in file"); load_creds.c does the same for secrets;
// - libcharon/plugins/vici/vici_config.c `unload_conn`: an unloaded connection's start actions
//   are undone (trap policies uninstalled, the SAs of `start_action = start` children closed);
// - `merge_config`: a connection whose IKE or peer settings changed is replaced, its old start
//   actions undone and the new ones run (a `start` child initiated, a `trap` child installed);
//   one where only children changed keeps its IKE SA, and each child added or changed is
//   started by its own start_action, each removed one undone (`replace_children`).
// A child with `start_action = none` (a responder) needs nothing: the peer brings it up.
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
  commands(before, after, file) {
    const { added, changed, removed } = sectionChanges(connections(before), connections(after));
    const said = (what: string, names: string[]) => (names.length > 0 ? [`${what}: ${names.join(', ')}`] : []);
    const notes = [
      ...said('Loaded as new', added),
      ...said('Replaced: charon closes the SAs negotiated with the old settings and starts the connection again by its start_action', changed),
      ...said('Unloaded: charon closes their SAs', removed),
    ];
    return fileScript(before, after, [`/etc/swanctl/conf.d/${file.replace(/\.swanctl\.conf$/, '')}.conf`], ['swanctl --load-all'], notes);
  },
  apply: applyFile,
};
