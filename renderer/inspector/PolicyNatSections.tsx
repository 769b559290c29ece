// The security policies and NAT rules of a gateway, edited where the engine reads them: the packet
// walk checks traffic against them, and a VPN works only when policy, NAT exemption, routes and
// proxy IDs agree. One card per rule, to the inspector's width; policies are ordered (the first
// match decides), so each can move up or down. Every change is one command, so undo takes it back.
import type { ReactNode } from 'react';
import type { Editor } from '../../shared/commands/editor';
import type { Gateway, NatRule, SecurityPolicy, TopologyDocument } from '../../shared/model/document';
import { parseIp, parseInterfaceAddress } from '../../shared/net/address';
import { Section, SelectField, TextField } from './fields';
import { parseProtocol, validateAddressSpec, validateName, validatePort, validateProtocol, validateZone } from './validate';

type GatewayUpdate = (changes: Partial<Omit<Gateway, 'id'>>) => { type: 'gateway.update'; id: Gateway['id']; changes: Partial<Omit<Gateway, 'id'>> };

/** A name not yet taken: `${stem}-1`, `${stem}-2`, … */
export function freeName(stem: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let i = 1; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** The zones this gateway's interfaces name, then "any". */
function zonesOf(g: Gateway): string[] {
  return [...new Set([...g.interfaces.map((i) => i.zone).filter((z): z is string => !!z), 'any'])];
}

/**
 * The policy "+ Policy" adds: from the gateway's first network to anything, leaving through the
 * zone of its tunnel interface when it has one (the usual rule a VPN needs), allowed.
 */
export function nextPolicy(doc: Pick<TopologyDocument, 'networks'>, g: Gateway): SecurityPolicy {
  const local = doc.networks.find((n) => n.gatewayId === g.id);
  const inside = g.interfaces.find((i) => i.kind === 'physical' && i.zone && /trust|inside|lan/i.test(i.zone) && !/untrust/i.test(i.zone))?.zone;
  const vpn = g.interfaces.find((i) => i.kind === 'tunnel' && i.zone)?.zone;
  return { name: freeName('vpn-policy', g.policies.map((p) => p.name)), fromZone: inside ?? 'any', toZone: vpn ?? 'any', source: local?.address ?? 'any', destination: 'any', protocol: 'any', port: 'any', action: 'allow' };
}

/** The NAT rule "+ NAT rule" adds: source NAT of the gateway's first network to its first physical interface's address. */
export function nextNatRule(doc: Pick<TopologyDocument, 'networks'>, g: Gateway): NatRule {
  const local = doc.networks.find((n) => n.gatewayId === g.id);
  const outside = g.interfaces.find((i) => i.kind === 'physical' && i.address && parseInterfaceAddress(i.address).ok && !/trust|inside|lan/i.test(i.zone ?? '')) ?? g.interfaces.find((i) => i.kind === 'physical' && i.address);
  const address = outside?.address?.split('/')[0];
  return {
    name: freeName('nat', g.natRules.map((r) => r.name)),
    kind: 'source',
    original: local?.address ?? '10.0.0.0/24',
    translated: address && parseIp(address).ok ? address : '198.51.100.10',
    ...(outside ? { interface: outside.name } : {}),
  };
}

function Cell({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    <div className={`rule-cell${className ? ` ${className}` : ''}`}>
      <span className="rule-cap" aria-hidden="true">
        {caption}
      </span>
      {children}
    </div>
  );
}

export function SecurityPolicySection({ editor, doc, gateway: g, update }: { editor: Editor; doc: TopologyDocument; gateway: Gateway; update: GatewayUpdate }) {
  const list = g.policies;
  const set = (i: number, changes: Partial<SecurityPolicy>) => update({ policies: list.map((p, j) => (j === i ? { ...p, ...changes } : p)) });
  const move = (i: number, by: -1 | 1) => {
    const next = [...list];
    const [p] = next.splice(i, 1);
    if (p) next.splice(i + by, 0, p);
    return update({ policies: next });
  };
  const zones = zonesOf(g);
  const key = (i: number, f: string) => `gw:${g.id}:pol:${i}:${f}`;
  const text = (i: number, f: 'fromZone' | 'toZone' | 'source' | 'destination' | 'port', caption: string, validate: (t: string) => string | undefined) => (
    <Cell caption={caption}>
      <TextField editor={editor} hideLabel label={`${caption}, policy ${i + 1}`} mono={f !== 'fromZone' && f !== 'toZone'} value={list[i]?.[f] ?? ''} validate={validate} mergeKey={key(i, f)} testId={`policy-${i}-${f}`} command={(t) => set(i, { [f]: t.trim() })} />
    </Cell>
  );
  return (
    <Section
      title="Security policies"
      actions={
        <button type="button" className="btn small" data-testid="policy-add" onClick={() => editor.dispatch(update({ policies: [...list, nextPolicy(doc, g)] }))}>
          + Policy
        </button>
      }
    >
      {list.length === 0 ? (
        <p className="muted">No security policies: traffic is allowed (policy is not modelled). Once there is one, the first match decides and anything unmatched is denied.</p>
      ) : (
        <>
          <p className="muted">In order: the first match decides; no match denies. Zones here: {zones.join(', ')}.</p>
          <ol className="rule-list" aria-label={`Security policies of ${g.name}`}>
            {list.map((p, i) => (
              <li key={i} className="rule-card" data-testid={`policy-${i}`}>
                <div className="rule-head">
                  <span className="rule-index muted">{i + 1}</span>
                  <Cell caption="Name">
                    <TextField editor={editor} hideLabel label={`Name, policy ${i + 1}`} value={p.name} validate={validateName('policy', list.filter((_, j) => j !== i).map((x) => x.name))} mergeKey={key(i, 'name')} testId={`policy-${i}-name`} command={(t) => set(i, { name: t })} />
                  </Cell>
                  <Cell caption="Action" className="rule-fixed-sm">
                    <SelectField hideLabel label={`Action, policy ${i + 1}`} value={p.action} testId={`policy-${i}-action`} options={[{ value: 'allow', label: 'allow' }, { value: 'deny', label: 'deny' }]} onChange={(v) => editor.dispatch(set(i, { action: v }))} />
                  </Cell>
                  <button type="button" className="btn icon" aria-label={`Move policy ${p.name} up`} disabled={i === 0} onClick={() => editor.dispatch(move(i, -1))}>
                    ↑
                  </button>
                  <button type="button" className="btn icon" aria-label={`Move policy ${p.name} down`} disabled={i === list.length - 1} onClick={() => editor.dispatch(move(i, 1))}>
                    ↓
                  </button>
                  <button type="button" className="btn icon" aria-label={`Delete policy ${p.name}`} onClick={() => editor.dispatch(update({ policies: list.filter((_, j) => j !== i) }))}>
                    ✕
                  </button>
                </div>
                <div className="rule-row">
                  {text(i, 'fromZone', 'From zone', validateZone)}
                  {text(i, 'toZone', 'To zone', validateZone)}
                </div>
                <div className="rule-row rule-row-stack">
                  {text(i, 'source', 'Source', validateAddressSpec)}
                  {text(i, 'destination', 'Destination', validateAddressSpec)}
                </div>
                <div className="rule-row">
                  <Cell caption="Protocol">
                    <TextField editor={editor} hideLabel label={`Protocol, policy ${i + 1}`} mono value={String(p.protocol)} validate={validateProtocol} mergeKey={key(i, 'protocol')} testId={`policy-${i}-protocol`} command={(t) => set(i, { protocol: parseProtocol(t) ?? 'any' })} />
                  </Cell>
                  {text(i, 'port', 'Port', validatePort)}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

export function NatRuleSection({ editor, doc, gateway: g, update }: { editor: Editor; doc: TopologyDocument; gateway: Gateway; update: GatewayUpdate }) {
  const list = g.natRules;
  const set = (i: number, r: NatRule) => update({ natRules: list.map((x, j) => (j === i ? r : x)) });
  const ifNames = g.interfaces.map((i) => i.name);
  const ALL = '';
  const key = (i: number, f: string) => `gw:${g.id}:nat:${i}:${f}`;
  return (
    <Section
      title="NAT rules"
      actions={
        <button type="button" className="btn small" data-testid="nat-add" onClick={() => editor.dispatch(update({ natRules: [...list, nextNatRule(doc, g)] }))}>
          + NAT rule
        </button>
      }
    >
      {list.length === 0 ? (
        <p className="muted">No NAT rules: addresses leave as they are (VPN traffic needs no NAT exemption).</p>
      ) : (
        <ol className="rule-list" aria-label={`NAT rules of ${g.name}`}>
          {list.map((r, i) => (
            <li key={i} className="rule-card" data-testid={`nat-${i}`}>
              <div className="rule-head">
                <span className="rule-index muted">{i + 1}</span>
                <Cell caption="Name">
                  <TextField editor={editor} hideLabel label={`Name, NAT rule ${i + 1}`} value={r.name} validate={validateName('NAT rule', list.filter((_, j) => j !== i).map((x) => x.name))} mergeKey={key(i, 'name')} testId={`nat-${i}-name`} command={(t) => set(i, { ...r, name: t })} />
                </Cell>
                <Cell caption="Kind" className="rule-fixed-md">
                  <SelectField hideLabel label={`Kind, NAT rule ${i + 1}`} value={r.kind} testId={`nat-${i}-kind`} options={[{ value: 'source', label: 'source NAT' }, { value: 'destination', label: 'destination NAT' }]} onChange={(v) => editor.dispatch(set(i, { ...r, kind: v }))} />
                </Cell>
                <button type="button" className="btn icon" aria-label={`Delete NAT rule ${r.name}`} onClick={() => editor.dispatch(update({ natRules: list.filter((_, j) => j !== i) }))}>
                  ✕
                </button>
              </div>
              <div className="rule-row rule-row-stack">
                <Cell caption="Original">
                  <TextField editor={editor} hideLabel label={`Original, NAT rule ${i + 1}`} mono value={r.original} validate={validateAddressSpec} mergeKey={key(i, 'original')} testId={`nat-${i}-original`} command={(t) => set(i, { ...r, original: t.trim() })} />
                </Cell>
                <Cell caption="Translated">
                  <TextField editor={editor} hideLabel label={`Translated, NAT rule ${i + 1}`} mono value={r.translated} validate={validateAddressSpec} mergeKey={key(i, 'translated')} testId={`nat-${i}-translated`} command={(t) => set(i, { ...r, translated: t.trim() })} />
                </Cell>
              </div>
              <div className="rule-row">
                <Cell caption={r.kind === 'source' ? 'Leaving through' : 'Arriving on'}>
                  <SelectField
                    hideLabel
                    label={`Interface, NAT rule ${i + 1}`}
                    value={r.interface ?? ALL}
                    testId={`nat-${i}-interface`}
                    options={[{ value: ALL, label: 'any interface' }, ...(r.interface && !ifNames.includes(r.interface) ? [r.interface] : []), ...ifNames]}
                    onChange={(v) => {
                      const { interface: _drop, ...rest } = r;
                      editor.dispatch(set(i, v === ALL ? rest : { ...rest, interface: v }));
                    }}
                  />
                </Cell>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
