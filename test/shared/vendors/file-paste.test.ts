// The products configured by a file (strongSwan, Libreswan, OpenIKED): what to paste is the new
// file whole, where it goes, and the commands that make the daemon take it, connection by
// connection where the daemon needs that (Libreswan's ipsec auto).
import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/export/export';
import type { TopologyDocument } from '../../../shared/model/document';
import { TEMPLATES } from '../../../shared/templates/index';
import { vendorModule } from '../../../shared/vendors/registry';
import type { VendorPaste } from '../../../shared/vendors/kit/paste';
import { retarget } from '../export/retarget';

const fullMesh = (TEMPLATES.find((t) => t.id === 'full-mesh') ?? TEMPLATES[0])?.build as () => TopologyDocument;

function files(doc: TopologyDocument): Map<string, string> {
  const g = doc.gateways[0];
  if (!g) throw new Error('no gateway');
  return new Map(exportDocument(doc, { gateways: [g.id], skipEngineCheck: true }).files.map((f) => [f.name, f.content]));
}

/** Site-A of the full mesh: one tunnel's ESP changed, one tunnel gone, one new. */
function changed(vendor: 'strongswan' | 'libreswan' | 'openiked'): { before: Map<string, string>; after: Map<string, string> } {
  const doc = retarget(fullMesh(), vendor);
  const next = structuredClone(doc);
  const [first, second] = next.tunnels;
  if (!first || !second) throw new Error('the full mesh has fewer than two tunnels');
  for (const end of [first.a, first.b]) end.esp.proposals = [{ encryption: ['aes128'], integrity: ['sha256'], dhGroups: [14] }];
  next.tunnels = next.tunnels.filter((t) => t.id !== second.id);
  const extra = structuredClone(second);
  extra.id = 'tunnel-new' as typeof extra.id;
  extra.name = 'site-a-site-b-2';
  next.tunnels.push(extra);
  return { before: files(doc), after: files(next) };
}

const paste = (vendor: string) => vendorModule(vendor).paste as VendorPaste;

describe('products configured by a file', () => {
  it('strongSwan: the new swanctl.conf and one --load-all, which adds, replaces and unloads the connections; SAs already up are left to close', () => {
    const { before, after } = changed('strongswan');
    const [name, now] = [...after][0] as [string, string];
    const s = paste('strongswan').commands(before.get(name) ?? '', now, name);
    expect(s.kind).toBe('file');
    expect(s.text).toBe(now);
    expect(s.enter).toEqual(['/etc/swanctl/conf.d/Site-A.conf']);
    expect(s.leave).toEqual(['swanctl --load-all']);
    expect(s.notes).toEqual([
      'Loaded as new: site-a-site-b-2',
      'Replaced: site-a-site-b',
      'Unloaded: site-a-site-c',
      'An IKE SA already up keeps what it was negotiated with: close it with swanctl --terminate --ike site-a-site-b, swanctl --terminate --ike site-a-site-c; the next packet brings a trapped connection up with the new settings',
    ]);
    expect(paste('strongswan').commands(now, now, name).text).toBe('');
  });

  it('Libreswan: delete what is gone, replace what changed, add what is new, bring up what the box starts; secrets reread', () => {
    const { before, after } = changed('libreswan');
    const conf = [...after.keys()].find((n) => n.endsWith('.ipsec.conf')) as string;
    const s = paste('libreswan').commands(before.get(conf) ?? '', after.get(conf) ?? '', conf);
    expect(s.enter).toEqual(['/etc/ipsec.d/Site-A.conf']);
    expect(s.leave).toEqual([
      'ipsec auto --rereadsecrets',
      'ipsec auto --delete site-a-site-c',
      'ipsec auto --replace site-a-site-b',
      'ipsec auto --add site-a-site-b-2',
      'ipsec auto --up site-a-site-b',
      'ipsec auto --up site-a-site-b-2',
    ]);
    const secrets = [...after.keys()].find((n) => n.endsWith('.ipsec.secrets')) as string;
    const t = paste('libreswan').commands(before.get(secrets) ?? '', after.get(secrets) ?? '', secrets);
    expect(t.leave).toEqual(['ipsec auto --rereadsecrets']);
    expect(t.enter).toEqual(['/etc/ipsec.d/Site-A.secrets']);
  });

  it('Libreswan: an unchanged auto=start conn to the peer of a deleted or replaced conn is brought up again (pluto deletes the shared IKE SA with that conn)', () => {
    const conn = (name: string, right: string, esp: string, auto: 'start' | 'add') => `conn ${name}\n    left=192.0.2.1\n    right=${right}\n    esp=${esp}\n    auto=${auto}\n`;
    const before = [conn('changed', '192.0.2.2', 'aes256', 'start'), conn('kept', '192.0.2.2', 'aes256', 'start'), conn('kept-add', '192.0.2.2', 'aes256', 'add'), conn('other-peer', '192.0.2.3', 'aes256', 'start'), conn('gone', '192.0.2.4', 'aes256', 'start'), conn('kept-4', '192.0.2.4', 'aes256', 'start')].join('\n');
    const after = [conn('changed', '192.0.2.2', 'aes128', 'start'), conn('kept', '192.0.2.2', 'aes256', 'start'), conn('kept-add', '192.0.2.2', 'aes256', 'add'), conn('other-peer', '192.0.2.3', 'aes256', 'start'), conn('kept-4', '192.0.2.4', 'aes256', 'start')].join('\n');
    const s = paste('libreswan').commands(before, after, 'A.ipsec.conf');
    expect(s.leave).toEqual([
      'ipsec auto --rereadsecrets',
      'ipsec auto --delete gone',
      'ipsec auto --replace changed',
      'ipsec auto --up changed',
      'ipsec auto --up kept',
      'ipsec auto --up kept-4',
    ]);
    expect(s.notes).toEqual(['Brought up again: kept, kept-4 (unchanged, but their Child SAs may ride on the IKE SA of a conn deleted or replaced above, which pluto deletes with that conn)']);
    // Only an added conn: nothing is deleted, nothing else is brought up.
    const added = paste('libreswan').commands(after, `${after}\n${conn('new', '192.0.2.2', 'aes256', 'start')}`, 'A.ipsec.conf');
    expect(added.leave).toEqual(['ipsec auto --rereadsecrets', 'ipsec auto --add new', 'ipsec auto --up new']);
    expect(added.notes).toEqual([]);
  });

  it('OpenIKED: the new iked.conf, checked, then reloaded', () => {
    const { before, after } = changed('openiked');
    const [name, now] = [...after][0] as [string, string];
    const s = paste('openiked').commands(before.get(name) ?? '', now, name);
    expect(s.leave).toEqual(['iked -n -f /etc/iked.conf', 'ikectl reload']);
    expect(paste('openiked').apply(before.get(name) ?? '', s)).toEqual({ ok: true, config: now });
  });
});
