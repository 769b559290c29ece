// The inspector: edits what is selected. Every control dispatches a command; text fields keep
// their own text and dispatch only valid values.
import { useState } from 'react';
import type { Command } from '../../shared/commands/commands';
import type { Editor } from '../../shared/commands/editor';
import {
  DH_GROUPS,
  ENCRYPTION_ALGORITHMS,
  INTEGRITY_ALGORITHMS,
  type EndKey,
  type EspProposal,
  type Gateway,
  type IkeProposal,
  type Identity,
  type Network,
  type TopologyDocument,
  type Tunnel,
  type TunnelEnd,
  type DhGroup,
  type Vendor,
} from '../../shared/model/document';
import { VENDOR_MODULES, vendorModule } from '../../shared/vendors/registry';
import { valueLimitOf } from '../../shared/vendors/values';
import { unavailableAlgorithms } from '../../shared/vendors/algorithms';
import type { Selection } from '../app/panels';
import { CheckField, MultiCheck, Section, SelectField, TextField } from './fields';
import { ProxyIdTable } from './ProxyIdTable';
import { NatRuleSection, SecurityPolicySection } from './PolicyNatSections';
import { VendorOptionFields } from './VendorOptionFields';
import { required, validateAddressSpec, validateInterfaceAddress, validateIp, validateName, validatePrefix, validateSetting } from './validate';

export function Inspector({ editor, document: doc, selection }: { editor: Editor; document: TopologyDocument; selection: Selection }) {
  const count = selection.gateways.length + selection.networks.length + selection.tunnels.length;
  let body;
  if (count === 0) body = <DocumentInspector editor={editor} doc={doc} />;
  else if (count > 1) body = <p className="muted pad">{count} items selected. Press Delete to remove them, Ctrl+D to duplicate.</p>;
  else if (selection.gateways[0]) {
    const g = doc.gateways.find((x) => x.id === selection.gateways[0]);
    body = g ? <GatewayInspector key={g.id} editor={editor} doc={doc} gateway={g} /> : null;
  } else if (selection.networks[0]) {
    const n = doc.networks.find((x) => x.id === selection.networks[0]);
    body = n ? <NetworkInspector key={n.id} editor={editor} doc={doc} network={n} /> : null;
  } else {
    const t = doc.tunnels.find((x) => x.id === selection.tunnels[0]);
    body = t ? <TunnelInspector key={t.id} editor={editor} doc={doc} tunnel={t} /> : null;
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}

function DocumentInspector({ editor, doc }: { editor: Editor; doc: TopologyDocument }) {
  return (
    <Section title="Topology">
      <TextField editor={editor} label="Name" value={doc.name} mergeKey="doc:name" testId="doc-name" command={(t) => ({ type: 'document.rename', name: t })} />
      <TextField editor={editor} label="Notes" value={doc.notes} mergeKey="doc:notes" multiline command={(t) => ({ type: 'document.setNotes', notes: t })} />
      <p className="muted">
        {count(doc.gateways.length, 'gateway')} · {count(doc.networks.length, 'network or host', 'networks and hosts')} · {count(doc.tunnels.length, 'tunnel')}
      </p>
    </Section>
  );
}

function GatewayInspector({ editor, doc, gateway: g }: { editor: Editor; doc: TopologyDocument; gateway: Gateway }) {
  const update = (changes: Partial<Omit<Gateway, 'id'>>) => ({ type: 'gateway.update' as const, id: g.id, changes });
  const others = doc.gateways.filter((x) => x.id !== g.id).map((x) => x.name);
  const ifNames = g.interfaces.map((i) => i.name);
  return (
    <>
      <Section title="Gateway">
        <TextField editor={editor} label="Name" value={g.name} validate={validateName('gateway', others)} mergeKey={`gw:${g.id}:name`} testId="gateway-name" command={(t) => update({ name: t })} />
        <SelectField label="Vendor" value={g.vendor} testId="gateway-vendor" options={VENDOR_MODULES.map((m) => ({ value: m.id, label: m.identity.label }))} onChange={(v) => editor.dispatch(update({ vendor: v }))} />
        <div className="field-row">
          <TextField editor={editor} label="Model" value={g.model} mergeKey={`gw:${g.id}:model`} command={(t) => update({ model: t })} />
          <TextField editor={editor} label="OS version" value={g.osVersion} mergeKey={`gw:${g.id}:os`} command={(t) => update({ osVersion: t })} />
        </div>
        <SelectField label="VPN type" value={g.vpnType} testId="gateway-vpn-type" options={[{ value: 'route-based', label: 'Route-based (tunnel interface)' }, { value: 'policy-based', label: 'Policy-based (crypto map / policy)' }]} onChange={(v) => editor.dispatch(update({ vpnType: v }))} />
        <VendorOptionFields key={g.vendor} editor={editor} vendor={g.vendor} where="gateway" holder={g} write={(vendorOptions) => update({ vendorOptions })} dispatch={(c) => editor.dispatch(c)} />
      </Section>
      <Section
        title="Interfaces"
        actions={
          <button type="button" className="btn small" onClick={() => editor.dispatch(update({ interfaces: [...g.interfaces, { name: `if${g.interfaces.length + 1}`, kind: 'physical' }] }))}>
            + Interface
          </button>
        }
      >
        <table className="grid-table" aria-label="Interfaces">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Address</th>
              <th scope="col">Zone</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {g.interfaces.map((itf, i) => {
              const set = (changes: Partial<typeof itf>) => update({ interfaces: g.interfaces.map((x, j) => (j === i ? { ...x, ...changes } : x)) });
              return (
                <tr key={i}>
                  <td>
                    <TextField editor={editor} hideLabel label={`Interface ${i + 1} name`} mono value={itf.name} validate={required('the interface name')} mergeKey={`gw:${g.id}:if:${i}:name`} command={(t) => set({ name: t })} />
                  </td>
                  <td>
                    <SelectField hideLabel label={`Interface ${i + 1} kind`} value={itf.kind} options={['physical', 'tunnel', 'loopback'] as const} onChange={(v) => editor.dispatch(set({ kind: v }))} />
                  </td>
                  <td>
                    <TextField
                      editor={editor}
                      hideLabel
                      label={`Interface ${i + 1} address`}
                      mono
                      value={itf.address ?? ''}
                      placeholder="unnumbered"
                      validate={(t) => (t.trim() === '' ? undefined : validateInterfaceAddress(t))}
                      mergeKey={`gw:${g.id}:if:${i}:addr`}
                      command={(t) => {
                        const { address: _drop, ...rest } = itf;
                        return update({ interfaces: g.interfaces.map((x, j) => (j === i ? (t.trim() ? { ...rest, address: t.trim() } : rest) : x)) });
                      }}
                    />
                  </td>
                  <td>
                    <TextField editor={editor} hideLabel label={`Interface ${i + 1} zone`} value={itf.zone ?? ''} mergeKey={`gw:${g.id}:if:${i}:zone`} command={(t) => set({ zone: t })} />
                  </td>
                  <td>
                    <button type="button" className="btn icon" aria-label={`Delete interface ${itf.name}`} onClick={() => editor.dispatch(update({ interfaces: g.interfaces.filter((_, j) => j !== i) }))}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
      <Section
        title="Routes"
        actions={
          <button type="button" className="btn small" onClick={() => editor.dispatch({ type: 'route.add', gatewayId: g.id, route: { destination: '10.255.0.0/24', interface: ifNames[0] ?? 'outside' } })}>
            + Route
          </button>
        }
      >
        {g.routes.length === 0 ? (
          <p className="muted">No static routes.</p>
        ) : (
          <table className="grid-table" aria-label="Routes">
            <thead>
              <tr>
                <th scope="col">Destination</th>
                <th scope="col">Interface</th>
                <th scope="col">Next hop</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.routes.map((r, i) => {
                const set = (changes: Partial<typeof r>) => update({ routes: g.routes.map((x, j) => (j === i ? { ...x, ...changes } : x)) });
                return (
                  <tr key={i}>
                    <td>
                      <TextField editor={editor} hideLabel label={`Route ${i + 1} destination`} mono value={r.destination} validate={validatePrefix} mergeKey={`gw:${g.id}:rt:${i}:dst`} command={(t) => set({ destination: t.trim() })} />
                    </td>
                    <td>
                      <SelectField hideLabel label={`Route ${i + 1} interface`} value={r.interface} options={ifNames.includes(r.interface) ? ifNames : [r.interface, ...ifNames]} onChange={(v) => editor.dispatch(set({ interface: v }))} />
                    </td>
                    <td>
                      <TextField
                        editor={editor}
                        hideLabel
                        label={`Route ${i + 1} next hop`}
                        mono
                        value={r.nextHop ?? ''}
                        validate={(t) => (t.trim() === '' ? undefined : validateIp(t))}
                        mergeKey={`gw:${g.id}:rt:${i}:nh`}
                        command={(t) => {
                          const { nextHop: _drop, ...rest } = r;
                          return update({ routes: g.routes.map((x, j) => (j === i ? (t.trim() ? { ...rest, nextHop: t.trim() } : rest) : x)) });
                        }}
                      />
                    </td>
                    <td>
                      <button type="button" className="btn icon" aria-label={`Delete route to ${r.destination}`} onClick={() => editor.dispatch({ type: 'route.remove', gatewayId: g.id, index: i })}>
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      <SecurityPolicySection editor={editor} doc={doc} gateway={g} update={update} />
      <NatRuleSection editor={editor} doc={doc} gateway={g} update={update} />
      <Section title="Notes">
        <TextField editor={editor} label="Notes" hideLabel value={g.notes} multiline mergeKey={`gw:${g.id}:notes`} command={(t) => update({ notes: t })} />
      </Section>
    </>
  );
}

function NetworkInspector({ editor, doc, network: n }: { editor: Editor; doc: TopologyDocument; network: Network }) {
  const update = (changes: Partial<Omit<Network, 'id'>>) => ({ type: 'network.update' as const, id: n.id, changes });
  return (
    <Section title={n.kind === 'host' ? 'Host' : 'Network'}>
      <TextField editor={editor} label="Name" value={n.name} validate={required('the name')} mergeKey={`net:${n.id}:name`} testId="network-name" command={(t) => update({ name: t })} />
      <TextField editor={editor} label={n.kind === 'host' ? 'Address' : 'Prefix'} mono value={n.address} validate={validateAddressSpec} mergeKey={`net:${n.id}:addr`} testId="network-address" command={(t) => update({ address: t.trim() })} />
      <SelectField label="Kind" value={n.kind} options={['network', 'host'] as const} onChange={(v) => editor.dispatch(update({ kind: v }))} />
      <SelectField label="Behind gateway" value={n.gatewayId} options={doc.gateways.map((g) => ({ value: g.id, label: g.name }))} onChange={(v) => editor.dispatch(update({ gatewayId: v }))} />
    </Section>
  );
}

const fmtDh = (g: number) => `${g}`;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ProposalEditor<P extends IkeProposal | EspProposal>(props: { title: string; proposals: P[]; onChange: (p: P[]) => void; pfs?: boolean; make: () => P; vendor: Vendor | undefined; osVersion?: string; ikeVersion: 1 | 2 }) {
  const { proposals, onChange } = props;
  const phase = props.pfs ? 'esp' : 'ike';
  const none = new Map<never, string>();
  const noEncryption = props.vendor ? unavailableAlgorithms(props.vendor, props.ikeVersion, phase, 'encryption', props.osVersion) : none;
  const noIntegrity = props.vendor ? unavailableAlgorithms(props.vendor, props.ikeVersion, phase, 'integrity', props.osVersion) : none;
  const noGroup = props.vendor ? unavailableAlgorithms(props.vendor, props.ikeVersion, phase, 'dhGroup', props.osVersion) : none;
  return (
    <div className="proposals">
      {proposals.map((p, i) => {
        const set = (changes: Partial<P>) => onChange(proposals.map((x, j) => (j === i ? { ...x, ...changes } : x)));
        return (
          <div key={i} className="proposal">
            <div className="proposal-head">
              <span>
                {props.title} {proposals.length > 1 ? i + 1 : ''}
              </span>
              {proposals.length > 1 && (
                <button type="button" className="btn icon" aria-label={`Delete ${props.title} ${i + 1}`} onClick={() => onChange(proposals.filter((_, j) => j !== i))}>
                  ✕
                </button>
              )}
            </div>
            <MultiCheck legend="Encryption" options={ENCRYPTION_ALGORITHMS} unavailable={noEncryption} value={p.encryption} error={p.encryption.length === 0 ? 'choose at least one' : undefined} onChange={(v) => v.length && set({ encryption: v } as Partial<P>)} />
            <MultiCheck legend="Integrity" options={INTEGRITY_ALGORITHMS} unavailable={noIntegrity} value={p.integrity} onChange={(v) => v.length && set({ integrity: v } as Partial<P>)} />
            <MultiCheck legend={props.pfs ? 'PFS (DH groups; none = no PFS)' : 'DH groups'} options={DH_GROUPS} unavailable={noGroup as ReadonlyMap<DhGroup, string>} value={p.dhGroups} format={fmtDh} onChange={(v) => (props.pfs || v.length) && set({ dhGroups: v } as Partial<P>)} />
          </div>
        );
      })}
      <button type="button" className="btn small" onClick={() => onChange([...proposals, props.make()])}>
        + Proposal
      </button>
    </div>
  );
}

function IdentityField({ editor, label, value, mergeKey, command }: { editor: Editor; label: string; value: Identity | undefined; mergeKey: string; command: (v: Identity | undefined) => Command }) {
  const type = value?.type ?? 'address';
  return (
    <div className="field-row">
      <SelectField label={`${label} type`} value={type} options={['address', 'fqdn', 'user-fqdn', 'dn', 'key-id'] as const} onChange={(t) => value && editor.dispatch(command({ ...value, type: t }))} />
      <TextField editor={editor} label={`${label} (empty: the IKE address)`} mono value={value?.value ?? ''} mergeKey={mergeKey} command={(t) => command(t.trim() ? { type, value: t.trim() } : undefined)} />
    </div>
  );
}

function EndEditor({ editor, doc, tunnel, end }: { editor: Editor; doc: TopologyDocument; tunnel: Tunnel; end: EndKey }) {
  const e = tunnel[end];
  const g = doc.gateways.find((x) => x.id === e.gatewayId);
  const update = (changes: Partial<Omit<TunnelEnd, 'gatewayId'>>) => ({ type: 'tunnelEnd.update' as const, tunnelId: tunnel.id, end, changes });
  const run = (changes: Partial<Omit<TunnelEnd, 'gatewayId'>>) => editor.dispatch(update(changes));
  const mk = (k: string) => `end:${tunnel.id}:${end}:${k}`;
  const vendor = g?.vendor;
  const productLabel = g ? vendorModule(g.vendor).identity.label : '';
  return (
    <div className="end-editor" data-testid={`end-${end}`}>
      <Section title="IKE (phase 1)">
        <div className="field-row">
          <SelectField label="IKE version" value={e.ikeVersion} testId={`ike-version-${end}`} options={[{ value: 1, label: 'IKEv1' }, { value: 2, label: 'IKEv2' }] as const} onChange={(v) => run({ ikeVersion: v })} />
          {e.ikeVersion === 1 && <SelectField label="Exchange mode" value={e.exchangeMode} options={['main', 'aggressive'] as const} onChange={(v) => run({ exchangeMode: v })} />}
        </div>
        <div className="field-row">
          <SelectField label="Outside interface" value={e.outsideInterface} options={g ? [...new Set([e.outsideInterface, ...g.interfaces.map((i) => i.name)])] : [e.outsideInterface]} onChange={(v) => run({ outsideInterface: v })} />
          <TextField editor={editor} label="Tunnel interface" mono value={e.tunnelInterface} mergeKey={mk('tif')} command={(t) => update({ tunnelInterface: t.trim() })} />
        </div>
        <ProposalEditor title="IKE proposal" vendor={vendor} osVersion={g?.osVersion} ikeVersion={e.ikeVersion} proposals={e.ike.proposals} make={() => ({ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] })} onChange={(p) => run({ ike: { ...e.ike, proposals: p } })} />
        <TextField editor={editor} label="IKE SA lifetime (s)" mono value={String(e.ike.lifetimeSeconds)} validate={validateSetting(g && valueLimitOf(g, 'ikeLifetimeSeconds'), productLabel, 60, 31536000)} mergeKey={mk('ikelife')} command={(t) => update({ ike: { ...e.ike, lifetimeSeconds: Number(t) } })} />
      </Section>
      <Section title="Authentication">
        <SelectField label="Method" value={e.auth.method} options={[{ value: 'psk', label: 'Pre-shared key' }, { value: 'certificate', label: 'Certificate' }] as const} onChange={(v) => run({ auth: { ...e.auth, method: v } })} />
        {e.auth.method === 'psk' && <TextField editor={editor} label="Pre-shared key" mono secret value={e.auth.psk} mergeKey={mk('psk')} testId={`psk-${end}`} command={(t) => update({ auth: { ...e.auth, psk: t } })} />}
        <IdentityField
          editor={editor}
          label="Local ID"
          value={e.auth.localId}
          mergeKey={mk('lid')}
          command={(v) => {
            const { localId: _d, ...rest } = e.auth;
            return update({ auth: v ? { ...rest, localId: v } : rest });
          }}
        />
        <IdentityField
          editor={editor}
          label="Remote ID"
          value={e.auth.remoteId}
          mergeKey={mk('rid')}
          command={(v) => {
            const { remoteId: _d, ...rest } = e.auth;
            return update({ auth: v ? { ...rest, remoteId: v } : rest });
          }}
        />
      </Section>
      <Section title="IPsec (phase 2)">
        <ProposalEditor title="ESP proposal" pfs vendor={vendor} osVersion={g?.osVersion} ikeVersion={e.ikeVersion} proposals={e.esp.proposals} make={() => ({ encryption: ['aes256'], integrity: ['sha256'], dhGroups: [14] })} onChange={(p) => run({ esp: { ...e.esp, proposals: p } })} />
        <TextField editor={editor} label="IPsec SA lifetime (s)" mono value={String(e.esp.lifetimeSeconds)} validate={validateSetting(g && valueLimitOf(g, 'espLifetimeSeconds'), productLabel, 60, 31536000)} mergeKey={mk('esplife')} command={(t) => update({ esp: { ...e.esp, lifetimeSeconds: Number(t) } })} />
        <CheckField label="Passive (responder only)" checked={e.passive} onChange={(v) => run({ passive: v })} />
        {vendor && <VendorOptionFields editor={editor} vendor={vendor} where="end" holder={e} write={(vendorOptions) => update({ vendorOptions })} dispatch={(c) => editor.dispatch(c)} />}
      </Section>
      <Section title="Dead peer detection, NAT and VPN monitor">
        <div className="field-row">
          <CheckField label="NAT traversal" checked={e.natTraversal} testId={`nat-t-${end}`} onChange={(v) => run({ natTraversal: v })} />
          <CheckField label="Dead peer detection" checked={e.dpd.enabled} testId={`dpd-${end}`} onChange={(v) => run({ dpd: { ...e.dpd, enabled: v } })} />
        </div>
        {e.dpd.enabled && (
          <TextField editor={editor} label="DPD interval (s)" mono value={String(e.dpd.intervalSeconds)} validate={validateSetting(g && valueLimitOf(g, 'dpdIntervalSeconds'), productLabel, 1, 3600)} mergeKey={mk('dpd')} testId={`dpd-interval-${end}`} command={(t) => update({ dpd: { ...e.dpd, intervalSeconds: Number(t) } })} />
        )}
        <CheckField label="VPN monitor (pings through the tunnel)" checked={e.monitor.enabled} testId={`monitor-${end}`} onChange={(v) => run({ monitor: { ...e.monitor, enabled: v } })} />
        {e.monitor.enabled && (
          <>
            <div className="field-row">
              <TextField
                editor={editor}
                label="Destination (a host behind the peer)"
                mono
                value={e.monitor.destinationIp ?? ''}
                validate={(t) => (t.trim() === '' ? undefined : validateIp(t.trim()))}
                mergeKey={mk('mondst')}
                testId={`monitor-destination-${end}`}
                command={(t) => {
                  const { destinationIp: _d, ...rest } = e.monitor;
                  return update({ monitor: t.trim() ? { ...rest, destinationIp: t.trim() } : rest });
                }}
              />
              <SelectField
                label="Source interface"
                value={e.monitor.sourceInterface ?? ''}
                testId={`monitor-source-${end}`}
                options={[{ value: '', label: 'Default (the inside interface)' }, ...(g?.interfaces ?? []).map((i) => ({ value: i.name, label: i.name }))]}
                onChange={(v) => {
                  const { sourceInterface: _s, ...rest } = e.monitor;
                  run({ monitor: v ? { ...rest, sourceInterface: v } : rest });
                }}
              />
            </div>
            <div className="field-row">
              <CheckField label="Rekey" hint="renegotiate after a failure without waiting for traffic" checked={e.monitor.rekey} testId={`monitor-rekey-${end}`} onChange={(v) => run({ monitor: { ...e.monitor, rekey: v } })} />
              <CheckField label="Optimized" hint="incoming tunnel traffic counts as a reply" checked={e.monitor.optimized} onChange={(v) => run({ monitor: { ...e.monitor, optimized: v } })} />
            </div>
            <div className="field-row">
              <TextField editor={editor} label="Interval (s)" mono value={String(e.monitor.intervalSeconds)} validate={validateSetting(g && valueLimitOf(g, 'monitorIntervalSeconds'), productLabel, 2, 10)} mergeKey={mk('monint')} command={(t) => update({ monitor: { ...e.monitor, intervalSeconds: Number(t) } })} />
              <TextField editor={editor} label="Threshold" mono value={String(e.monitor.threshold)} validate={validateSetting(g && valueLimitOf(g, 'monitorThreshold'), productLabel, 2, 100)} mergeKey={mk('monthr')} command={(t) => update({ monitor: { ...e.monitor, threshold: Number(t) } })} />
              <SelectField label="On failure" value={e.monitor.action} options={[{ value: 'wait-recover', label: 'Wait and recover' }, { value: 'fail-over', label: 'Fail over (withdraw routes)' }] as const} onChange={(v) => run({ monitor: { ...e.monitor, action: v } })} />
            </div>
          </>
        )}
      </Section>
      <Section title="Proxy IDs / traffic selectors">
        <ProxyIdTable editor={editor} doc={doc} tunnel={tunnel} end={end} />
      </Section>
    </div>
  );
}

function TunnelInspector({ editor, doc, tunnel: t }: { editor: Editor; doc: TopologyDocument; tunnel: Tunnel }) {
  const [end, setEnd] = useState<EndKey>('a');
  const name = (k: EndKey) => doc.gateways.find((g) => g.id === t[k].gatewayId)?.name ?? t[k].gatewayId;
  const others = doc.tunnels.filter((x) => x.id !== t.id).map((x) => x.name);
  return (
    <>
      <Section title="Tunnel">
        <TextField editor={editor} label="Name" value={t.name} validate={validateName('tunnel', others)} mergeKey={`tun:${t.id}:name`} testId="tunnel-name" command={(v) => ({ type: 'tunnel.update', id: t.id, changes: { name: v } })} />
        <SelectField
          label="Initiator"
          value={t.initiator}
          testId="tunnel-initiator"
          options={[{ value: 'a', label: `${name('a')} (A)` }, { value: 'b', label: `${name('b')} (B)` }] as const}
          onChange={(v) => editor.dispatch({ type: 'tunnel.update', id: t.id, changes: { initiator: v } })}
        />
      </Section>
      <div className="tabs" role="tablist" aria-label="Tunnel end">
        {(['a', 'b'] as const).map((k) => (
          <button key={k} type="button" role="tab" id={`end-tab-${k}`} aria-selected={end === k} aria-controls={`end-panel-${k}`} className={`tab${end === k ? ' is-active' : ''}`} onClick={() => setEnd(k)} data-testid={`end-tab-${k}`}>
            {k.toUpperCase()} · {name(k)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`end-panel-${end}`} aria-labelledby={`end-tab-${end}`}>
        <EndEditor key={end} editor={editor} doc={doc} tunnel={t} end={end} />
      </div>
    </>
  );
}
