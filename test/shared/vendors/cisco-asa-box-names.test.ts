// The corrected configuration of an imported Cisco ASA is written in the box's own names: the
// crypto map bound to its outside interface and the entry's sequence number, the crypto ACL, the
// transform set and the network objects its ACL names, which the reader records per tunnel end
// (options.ts, AsaEndOptions). So the "Changes since import" diff of the box (importChanges) is
// what to paste on that ASA. The pair is test/fixtures/import/pairs/ (written after the vendors'
// documentation, see their headers); each case makes the ASA wrong for one cause of
// test/shared/import/seed-causes.test.ts, with PA-HQ initiating so that the fix the engine
// offers lands on the ASA (the responder's end).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../shared/commands/commands';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument } from '../../../shared/export/export';
import { importChanges, importedDocument } from '../../../shared/export/changes';
import { importConfigurations } from '../../../shared/import/import';
import type { TopologyDocument } from '../../../shared/model/document';
import { TEMPLATES } from '../../../shared/templates/index';
import { configFile } from '../../../shared/vendors/cisco-asa/grammar';
import { runBatfish } from '../../support/batfish';
import { editEach } from '../../support/fixture-edit';

const DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'import', 'pairs');
const PA = readFileSync(path.join(DIR, 'PA-HQ.set.txt'), 'utf8');
const ASA = readFileSync(path.join(DIR, 'ASA-Branch.running-config.txt'), 'utf8');
const GOLDEN = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'golden');

const edit = editEach;

function imported(asa: string, initiator: 0 | 1 = 0): TopologyDocument {
  const r = importConfigurations([{ name: 'PA-HQ.txt', content: PA }, { name: 'ASA-Branch.txt', content: asa }], { initiator });
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const asaOf = (doc: TopologyDocument) => {
  const g = doc.gateways.find((x) => x.vendor === 'cisco-asa');
  if (!g) throw new Error('no ASA imported');
  return g;
};
const fileOf = (doc: TopologyDocument): string => exportDocument(doc, { gateways: [asaOf(doc).id], skipEngineCheck: true }).files[0]?.content ?? '';
const touches = (c: Command, gatewayEnd: 'a' | 'b'): boolean => (c.type === 'batch' ? c.commands.some((x) => touches(x, gatewayEnd)) : 'end' in c && c.end === gatewayEnd);

/** Applies the fix of the finding `code`, which must be on the ASA's end; the ASA box's diff since import. */
function fixOnAsa(doc: TopologyDocument, code: string): { patch: string; changed: string[]; fixed: TopologyDocument } {
  const t = computeReport(doc).tunnels[0];
  const tunnel = doc.tunnels[0];
  if (!t || !tunnel) throw new Error('no tunnel imported');
  const end = tunnel.a.gatewayId === asaOf(doc).id ? 'a' : 'b';
  const d = t.diagnostics.find((x) => x.code === code);
  expect(d, t.diagnostics.map((x) => `${x.code}: ${x.fixLabel ?? ''}`).join('\n')).toBeDefined();
  expect(d?.fix?.some((c) => touches(c, end)), `${code}'s fix "${d?.fixLabel ?? ''}" changes the ASA`).toBe(true);
  const fixed = produce(doc, (draft) => {
    for (const c of d?.fix ?? []) applyCommand(draft, c);
  });
  expect(computeReport(fixed).tunnels[0]?.status, d?.fixLabel).toBe('up');
  const changes = importChanges(fixed);
  if (!changes.ok) throw new Error(changes.message);
  const box = changes.boxes.find((b) => b.vendor === 'cisco-asa');
  expect(box?.status).toBe('changed');
  expect(changes.boxes.filter((b) => b.vendor !== 'cisco-asa').map((b) => b.status)).toEqual(['unchanged']);
  const patch = box?.files.map((f) => f.patch).join('') ?? '';
  const changed = patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/u.test(l));
  return { patch, changed, fixed };
}

const REVERSED = edit(ASA, ['permit ip object BRANCH-LAN object HQ-LAN', 'permit ip object HQ-LAN object BRANCH-LAN']);
const SHORT = edit(ASA, ['object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.0', 'object network BRANCH-LAN\n subnet 10.20.0.0 255.255.255.128']);
const OTHER_SET = edit(ASA, ['transform-set ESP-AES-256-SHA esp-aes-256 esp-sha-hmac', 'transform-set ESP-AES-128-SHA esp-aes esp-sha-hmac'], ['set ikev1 transform-set ESP-AES-256-SHA', 'set ikev1 transform-set ESP-AES-128-SHA']);

/** Names the export makes up for a tunnel drawn in the app. */
const DERIVED = /CRYPTO-|\bTS-|\bP-|\bN-10\.10\./u;

describe('an imported Cisco ASA is exported in its own names', () => {
  it('records the box\'s names on the ASA end, and the box as imported exports its own VPN lines', () => {
    const doc = imported(ASA);
    const tunnel = doc.tunnels[0];
    const end = tunnel?.a.gatewayId === asaOf(doc).id ? tunnel.a : tunnel?.b;
    expect(end?.vendorOptions['cisco-asa']).toEqual({
      cryptoMap: 'outside_map', mapSequence: 1, cryptoAcl: 'outside_cryptomap', transformSet: 'ESP-AES-256-SHA',
      localObject: 'BRANCH-LAN', localObjectAddress: '10.20.0.0/24', remoteObject: 'HQ-LAN', remoteObjectAddress: '10.10.0.0/24',
      natExemption: 'inside,BRANCH-LAN=10.20.0.0/24,HQ-LAN=10.10.0.0/24',
    });
    const out = fileOf(doc).split('\n');
    const box = new Set(ASA.split('\n'));
    const vpn = out.filter((l) => /^(?:access-list|crypto map|crypto ipsec|object network|nat|crypto ikev1 (?:enable|policy)) /u.test(l));
    expect(vpn.length).toBeGreaterThan(10);
    expect(vpn.filter((l) => !box.has(l))).toEqual([]);
  });

  it('the names come from the recorded settings: without them the same box exports derived names', () => {
    const doc = produce(imported(ASA), (d) => {
      for (const t of d.tunnels) for (const e of [t.a, t.b]) e.vendorOptions = {};
    });
    const out = fileOf(doc);
    expect(out).toContain('crypto map outside_map 10 match address CRYPTO-');
    expect(out).toMatch(/^access-list CRYPTO-\S+ extended permit ip object N-10\.20\.0\.0-24 object N-10\.10\.0\.0-24$/mu);
    expect(out).not.toContain('outside_cryptomap');
    expect(out).not.toContain('ESP-AES-256-SHA');
  });

  it('crypto ACL reversed on the ASA: the fix swaps the line of the box\'s ACL, in its objects', () => {
    const { changed, fixed } = fixOnAsa(imported(REVERSED), 'SELECTOR_REVERSED');
    expect(changed).toContain('-access-list outside_cryptomap extended permit ip object HQ-LAN object BRANCH-LAN');
    expect(changed).toContain('+access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN');
    // The box's own exemption was right, and is written as the box has it before and after: the
    // ACL line is the whole change.
    expect(changed).toEqual([
      '-access-list outside_cryptomap extended permit ip object HQ-LAN object BRANCH-LAN',
      '+access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN',
    ]);
    const now = fileOf(fixed);
    expect(now).toContain('crypto map outside_map 1 match address outside_cryptomap\n');
    expect(now).toContain('crypto map outside_map 1 set ikev1 transform-set ESP-AES-256-SHA\n');
    expect(now).toContain('crypto ipsec ikev1 transform-set ESP-AES-256-SHA esp-aes-256 esp-sha-hmac\n');
    expect(now).toContain('crypto map outside_map interface outside\n');
  });

  it('BRANCH-LAN /25 on the ASA: the fix replaces the box\'s ACL line; BRANCH-LAN keeps meaning /25, the /24 is a new object', () => {
    const { changed } = fixOnAsa(imported(SHORT), 'PREFIX_LENGTH_MISMATCH');
    expect(changed).toContain('-access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN');
    expect(changed).toContain('+access-list outside_cryptomap extended permit ip object N-10.20.0.0-24 object HQ-LAN');
    // HQ-LAN is the box's name for 10.10.0.0/24: no derived name for it, nor for the ACL.
    expect(changed.filter((l) => DERIVED.test(l))).toEqual([]);
    // The box's BRANCH-LAN is not redefined: other rules of the box may name it.
    expect(changed).not.toContain('+object network BRANCH-LAN');
    // Its exemption of BRANCH-LAN is kept; the /24 gets one beside it.
    expect(changed.filter((l) => l.includes('nat ('))).toEqual(['+nat (inside,outside) source static N-10.20.0.0-24 N-10.20.0.0-24 destination static HQ-LAN HQ-LAN no-proxy-arp route-lookup']);
  });

  it('another transform set on the ASA: the fix adds a set beside the box\'s, in entry outside_map 1', () => {
    const { changed, patch } = fixOnAsa(imported(OTHER_SET), 'PROPOSAL_MISMATCH');
    expect(changed).toContain('-crypto map outside_map 1 set ikev1 transform-set ESP-AES-128-SHA');
    expect(changed.filter((l) => l.startsWith('+crypto map outside_map 1 set ikev1 transform-set ESP-AES-128-SHA '))).toHaveLength(1);
    // The box's own set is kept as it is (context, not changed); the added one is new.
    expect(patch).toContain('\n crypto ipsec ikev1 transform-set ESP-AES-128-SHA esp-aes esp-sha-hmac\n');
    expect(changed.filter((l) => /CRYPTO-|N-/u.test(l))).toEqual([]);
  });

  it('a name the document cannot keep is not recorded, and that part is derived', () => {
    const long = `outside_cryptomap_${'x'.repeat(60)}`;
    const doc = imported(edit(ASA, ['access-list outside_cryptomap ', `access-list ${long} `], ['match address outside_cryptomap', `match address ${long}`]));
    const tunnel = doc.tunnels[0];
    const end = tunnel?.a.gatewayId === asaOf(doc).id ? tunnel.a : tunnel?.b;
    expect(end?.vendorOptions['cisco-asa']?.['cryptoAcl']).toBeUndefined();
    expect(end?.vendorOptions['cisco-asa']?.['cryptoMap']).toBe('outside_map');
    const out = fileOf(doc);
    expect(out).toContain('crypto map outside_map 1 match address CRYPTO-');
  });

  it('a copied tunnel does not reuse the box\'s entry: the copy gets its own sequence number and ACL', () => {
    const doc = produce(imported(ASA), (d) => {
      const t = d.tunnels[0];
      if (t) d.tunnels.push({ ...JSON.parse(JSON.stringify(t)) as typeof t, id: 'tn-copy' as typeof t.id, name: 'copy' });
    });
    const out = fileOf(doc);
    expect(out.match(/^crypto map outside_map 1 match address outside_cryptomap$/gmu)).toHaveLength(1);
    expect(out).toMatch(/^crypto map outside_map 20 match address CRYPTO-copy$/mu);
    expect(out.match(/^crypto ipsec ikev1 transform-set ESP-AES-256-SHA /gmu)).toHaveLength(1);
  });

  it('a design from a template exports exactly as before (its golden file)', () => {
    const doc = TEMPLATES.find((t) => t.id === 'pan-asa-interop')?.build();
    if (!doc) throw new Error('template pan-asa-interop missing');
    const files = exportDocument(doc, { skipEngineCheck: true }).files.filter((f) => f.name.endsWith('.asa.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f.content).toBe(readFileSync(path.join(GOLDEN, 'auto--pan-asa-interop', f.name), 'utf8'));
  });

  it('the box\'s exemption in objects of its own is recorded and written in them; a box with none for the tunnel records none', () => {
    const own = edit(ASA, ['nat (inside,outside) source static BRANCH-LAN BRANCH-LAN destination static HQ-LAN HQ-LAN', 'object network NONAT-SRC\n subnet 10.20.0.0 255.255.255.0\nobject network NONAT-DST\n subnet 10.10.0.0 255.255.255.0\nnat (inside,outside) source static NONAT-SRC NONAT-SRC destination static NONAT-DST NONAT-DST']);
    const doc = imported(own);
    const t = doc.tunnels[0];
    const end = t?.a.gatewayId === asaOf(doc).id ? t.a : t?.b;
    expect(end?.vendorOptions['cisco-asa']?.['natExemption']).toBe('inside,NONAT-SRC=10.20.0.0/24,NONAT-DST=10.10.0.0/24');
    expect(fileOf(doc)).toContain('\nnat (inside,outside) source static NONAT-SRC NONAT-SRC destination static NONAT-DST NONAT-DST no-proxy-arp route-lookup\n');
    expect(fileOf(doc)).not.toContain('source static BRANCH-LAN');
    // To another network: not this tunnel's exemption.
    const other = imported(edit(ASA, ['destination static HQ-LAN HQ-LAN', 'destination static OTHER OTHER'], ['object network HQ-LAN', 'object network OTHER\n subnet 10.99.0.0 255.255.255.0\nobject network HQ-LAN']));
    const u = other.tunnels[0];
    expect((u?.a.gatewayId === asaOf(other).id ? u.a : u?.b)?.vendorOptions['cisco-asa']?.['natExemption']).toBeUndefined();
  });

  it('the box as imported and unchanged has no diff', () => {
    const doc = imported(ASA, 1);
    const before = importedDocument(doc);
    expect(before).toBeDefined();
    const changes = importChanges(doc);
    if (!changes.ok) throw new Error(changes.message);
    expect(changes.boxes.map((b) => b.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('Batfish\'s ASA grammar reads the box-named files, as imported and as corrected, or the ASA grammar lists why not', () => {
    const grammar = configFile;
    const cases: [string, string][] = [[REVERSED, 'SELECTOR_REVERSED'], [SHORT, 'PREFIX_LENGTH_MISMATCH'], [OTHER_SET, 'PROPOSAL_MISMATCH']];
    const texts = cases.flatMap(([asa, code]) => {
      const doc = imported(asa);
      return [fileOf(doc), fileOf(fixOnAsa(doc, code).fixed)];
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'ipsec-studio-asa-names-'));
    try {
      const paths = texts.map((t, i) => {
        const p = path.join(dir, `${i + 1}.asa.txt`);
        writeFileSync(p, t);
        return p;
      });
      const run = runBatfish(paths);
      expect(run.error, run.error).toBeUndefined();
      const problems: string[] = [];
      const parsed = new Set<string>();
      for (const p of paths) {
        const v = run.verdicts.get(path.resolve(p));
        if (!v) {
          problems.push(`no verdict for ${p}`);
          continue;
        }
        for (const l of v.byLine.values()) {
          const text = l.text.trim();
          if (l.verdict === 'PARSED') parsed.add(text);
          else if ((l.verdict === 'FAIL' || l.verdict === 'UNRECOGNIZED') && grammar.batfishGaps?.some((a) => a.statement.test(text))) continue;
          else if ((l.verdict === 'CATCHALL' || l.verdict === 'IGNOREDBLOCK') && grammar.batfishCatchAll?.some((a) => a.statement.test(text))) continue;
          else problems.push(`${l.verdict}: ${text}`);
        }
      }
      expect(problems).toEqual([]);
      // Batfish's ASA grammar reads most crypto statements through its catch-all (grammar.ts lists
      // them); the box's ACL and objects it parses.
      expect([...parsed]).toEqual(expect.arrayContaining(['access-list outside_cryptomap extended permit ip object BRANCH-LAN object HQ-LAN', 'object network BRANCH-LAN', 'object network HQ-LAN', 'nat (inside,outside) source static BRANCH-LAN BRANCH-LAN destination static HQ-LAN HQ-LAN no-proxy-arp route-lookup']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
