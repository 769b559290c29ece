// The proxy-ID / traffic-selector table of one tunnel end: one row per selector, each cell
// validated as you type; "Mirror from peer" writes the peer's selectors with local and remote
// swapped (the usual fix for a reversed selector).
import type { Editor } from '../../shared/commands/editor';
import type { EndKey, Network, ProxyId, TopologyDocument, Tunnel } from '../../shared/model/document';
import { parseAddressSpec } from '../../shared/net/address';
import { TextField } from './fields';
import { parseProtocol, validateAddressSpec, validatePort, validateProtocol } from './validate';

export function mirrorProxyIds(peer: readonly ProxyId[]): ProxyId[] {
  return peer.map((p) => ({ name: p.name, local: p.remote, remote: p.local, protocol: p.protocol, localPort: p.remotePort, remotePort: p.localPort }));
}

const familyOf = (n: Network) => {
  const r = parseAddressSpec(n.address);
  return r.ok ? r.value.family : undefined;
};

/**
 * The selector "+ Selector" adds: the first pair of a network behind this end's gateway and one
 * behind the peer's (same address family) that no selector of this end has yet; else a copy of
 * the last selector; else an example to edit.
 */
export function nextProxyId(doc: Pick<TopologyDocument, 'networks'>, tunnel: Tunnel, end: EndKey): ProxyId {
  const ids = tunnel[end].proxyIds;
  const local = doc.networks.filter((n) => n.gatewayId === tunnel[end].gatewayId);
  const remote = doc.networks.filter((n) => n.gatewayId === tunnel[end === 'a' ? 'b' : 'a'].gatewayId);
  for (const l of local) {
    for (const r of remote) {
      if (familyOf(l) === undefined || familyOf(l) !== familyOf(r)) continue;
      if (ids.some((p) => p.local === l.address && p.remote === r.address)) continue;
      return { name: '', local: l.address, remote: r.address, protocol: 'any', localPort: 'any', remotePort: 'any' };
    }
  }
  const last = ids[ids.length - 1];
  return last ? { ...last, name: '' } : { name: '', local: '10.0.0.0/24', remote: '10.1.0.0/24', protocol: 'any', localPort: 'any', remotePort: 'any' };
}

export function ProxyIdTable({ editor, doc, tunnel, end }: { editor: Editor; doc: Pick<TopologyDocument, 'networks'>; tunnel: Tunnel; end: EndKey }) {
  const ids = tunnel[end].proxyIds;
  const peer = tunnel[end === 'a' ? 'b' : 'a'];
  const base = { tunnelId: tunnel.id, end } as const;
  const key = (i: number, f: string) => `pid:${tunnel.id}:${end}:${i}:${f}`;
  const field = (i: number, f: 'name' | 'local' | 'remote' | 'localPort' | 'remotePort' | 'protocol', caption: string, label: string, validate?: (t: string) => string | undefined) => (
    <div className={`rule-cell rule-${f}`}>
      <span className="rule-cap" aria-hidden="true">
        {caption}
      </span>
      <TextField
        editor={editor}
        label={`${label}, selector ${i + 1}, end ${end.toUpperCase()}`}
        hideLabel
        mono={f !== 'name'}
        value={String(ids[i]?.[f] ?? '')}
        validate={validate}
        mergeKey={key(i, f)}
        testId={`pid-${end}-${i}-${f}`}
        command={(t) => ({ type: 'proxyId.update', ...base, index: i, changes: f === 'protocol' ? { protocol: parseProtocol(t) ?? 'any' } : { [f]: t.trim() } })}
      />
    </div>
  );
  // One card per selector, laid out to the inspector’s width (no horizontal scrolling): name and
  // delete, then local and remote each on a line of their own, then protocol and ports.
  return (
    <div className="proxy-list-wrap">
      {ids.length === 0 ? (
        <p className="muted">None: this end proposes its vendor’s default selector (usually 0.0.0.0/0 ↔ 0.0.0.0/0).</p>
      ) : (
        <ol className="rule-list" aria-label={`Proxy IDs of end ${end.toUpperCase()}`}>
          {ids.map((_, i) => (
            <li key={i} className="rule-card" data-testid={`pid-${end}-${i}`}>
              <div className="rule-head">
                <span className="rule-index muted">{i + 1}</span>
                {field(i, 'name', 'Name', 'Name')}
                <button type="button" className="btn icon" aria-label={`Delete selector ${i + 1} of end ${end.toUpperCase()}`} onClick={() => editor.dispatch({ type: 'proxyId.remove', ...base, index: i })}>
                  ✕
                </button>
              </div>
              <div className="rule-row rule-row-stack">
                {field(i, 'local', 'Local', 'Local', validateAddressSpec)}
                {field(i, 'remote', 'Remote', 'Remote', validateAddressSpec)}
              </div>
              <div className="rule-row rule-row-3">
                {field(i, 'protocol', 'Protocol', 'Protocol', validateProtocol)}
                {field(i, 'localPort', 'Local port', 'Local port', validatePort)}
                {field(i, 'remotePort', 'Remote port', 'Remote port', validatePort)}
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="row-actions">
        <button
          type="button"
          className="btn"
          data-testid={`pid-add-${end}`}
          onClick={() => editor.dispatch({ type: 'proxyId.add', ...base, proxyId: nextProxyId(doc, tunnel, end) })}
        >
          + Selector
        </button>
        <button
          type="button"
          className="btn"
          data-testid={`pid-mirror-${end}`}
          disabled={peer.proxyIds.length === 0}
          title={peer.proxyIds.length === 0 ? 'The peer has no proxy IDs to mirror' : 'Replace these selectors with the peer’s, local and remote swapped'}
          onClick={() => editor.dispatch({ type: 'proxyId.setAll', ...base, proxyIds: mirrorProxyIds(peer.proxyIds) })}
        >
          ⇄ Mirror from peer
        </button>
      </div>
    </div>
  );
}
