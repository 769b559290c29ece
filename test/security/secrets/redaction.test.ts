// A pre-shared key stays where the user put it: for random designs with a distinctive key, no
// engine report (JSON, fixes, timeline, logs, diagnostics), CLI output of check, simulate and
// export (without --include-secrets), monitor state or log, simulated show command, packet
// walk, error message or clipboard text contains it. The key is there to be found: export with
// --include-secrets prints it, which shows the search can fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copySelection, clipboardText } from '../../../renderer/canvas/clipboard';
import { runCli } from '../../../shared/cli/main';
import { Editor } from '../../../shared/commands/editor';
import { computeReport } from '../../../shared/engine/report-cache';
import { exportDocument } from '../../../shared/export/export';
import type { TopologyDocument } from '../../../shared/model/document';
import { describeErrors } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { engineNegotiator } from '../../../shared/monitor/engine-negotiator';
import { applyEvent, settledMonitorState, type MonitorEvent } from '../../../shared/monitor/monitor';
import { interfaceStatuses } from '../../../shared/monitor/status';
import { runOpsCommand, showCommandsOf } from '../../../shared/show-commands/commands';
import { walkPacket } from '../../../shared/walk/walk';
import { memoryIo } from '../../support/memory-io';
import { buildDesign, design } from '../../shared/export/random-design';

const key = fc.stringMatching(/^[A-Za-z0-9]{10,20}$/).map((s) => `Qz${s}Kv`);

const secretDesign = fc.record({
  base: design,
  keyA: key,
  keyB: key,
  sameKey: fc.boolean(),
  certificateOn: fc.constantFrom(undefined, 'a' as const, 'b' as const),
  wrongRemoteId: fc.boolean(),
});
type SecretDesign = typeof secretDesign extends fc.Arbitrary<infer T> ? T : never;

function build(s: SecretDesign): { doc: TopologyDocument; keys: string[] } {
  const doc = buildDesign(s.base);
  const t = doc.tunnels[0]!;
  t.a.auth.psk = s.keyA;
  t.b.auth.psk = s.sameKey ? s.keyA : s.keyB;
  if (s.certificateOn) t[s.certificateOn].auth.method = 'certificate';
  if (s.wrongRemoteId) t.b.auth.remoteId = { type: 'fqdn', value: 'someone-else.example' };
  return { doc, keys: [...new Set([t.a.auth.psk, t.b.auth.psk])] };
}

async function cli(argv: string[], text: string): Promise<string> {
  const m = memoryIo({ 'd.json': text });
  await runCli([argv[0] as string, 'd.json', ...argv.slice(1)], m.io);
  return m.out() + m.err();
}

/** Everything the product prints, shows or copies about the design, as one text. */
async function everything(doc: TopologyDocument): Promise<string> {
  const out: string[] = [];
  const report = computeReport(doc);
  out.push(JSON.stringify(report));
  for (const t of report.tunnels) out.push(JSON.stringify(t.timeline), JSON.stringify(t.logs), JSON.stringify(t.diagnostics));
  const text = serializeDocument(doc);
  for (const argv of [['check'], ['check', '--json'], ['simulate', '--from', '10.1.0.5', '--to', '10.2.0.9'], ['simulate', '--from', '10.1.0.5', '--to', '10.2.0.9', '--json'], ['export'], ['export', '--json'], ['export', '-o', 'out'], ['export', '--vendor', 'strongswan']]) {
    out.push(await cli(argv, text));
  }
  const exported = exportDocument(doc);
  out.push(JSON.stringify(exported));
  // The monitor, its log and the simulated show commands after traffic, a rekey and a restart.
  const t = doc.tunnels[0]!;
  const events: MonitorEvent[] = [
    { type: 'traffic', at: 1000, tunnelId: t.id, end: 'a' },
    { type: 'tick', at: 40_000 },
    { type: 'rekey', at: 50_000, tunnelId: t.id, end: 'b' },
    { type: 'peer-restart', at: 60_000, tunnelId: t.id, end: 'b' },
    { type: 'traffic', at: 61_000, tunnelId: t.id, end: 'b' },
    { type: 'tick', at: 200_000 },
  ];
  const state = events.reduce((m, e) => applyEvent(doc, m, e, engineNegotiator), settledMonitorState(doc, 0, engineNegotiator));
  out.push(JSON.stringify(state), JSON.stringify(interfaceStatuses(doc, state)));
  for (const g of doc.gateways) {
    for (const c of showCommandsOf(g)) out.push(JSON.stringify(runOpsCommand(doc, state, g, c.command, t.name)));
  }
  out.push(JSON.stringify(walkPacket(doc, { from: '10.1.0.5', to: '10.2.0.9', protocol: 'icmp' }, { negotiate: engineNegotiator, monitor: state })));
  // Error messages about the file: a broken copy of it, and one with a wrong field next to the key.
  const broken = text.replace('"method": "psk"', '"method": "pks"').replace('"ikeVersion": 1', '"ikeVersion": "one"');
  const r = loadDocumentText(broken);
  out.push(JSON.stringify(r), r.ok ? '' : describeErrors(r.errors, 1000));
  out.push(JSON.stringify(loadDocumentText(text.slice(0, text.indexOf('"psk"') + 20))));
  // What Copy puts on the system clipboard.
  const all = { gateways: doc.gateways.map((g) => g.id), networks: doc.networks.map((n) => n.id), tunnels: doc.tunnels.map((x) => x.id) };
  const clip = copySelection(doc, all);
  if (clip) out.push(clipboardText(clip));
  return out.join('\n');
}

describe('secrets in every output', { timeout: 900_000 }, () => {
  it('no output contains a pre-shared key unless the user asked for it', async () => {
    let mismatches = 0;
    let runs = 0;
    let written = 0;
    await fc.assert(fc.asyncProperty(secretDesign, async (s) => {
      const { doc, keys } = build(s);
      runs++;
      if (!s.sameKey && !s.certificateOn) mismatches++;
      const text = await everything(doc);
      for (const k of keys) expect(text.includes(k), `key ${k} leaked`).toBe(false);
      // The key is in the design: asked for, the export writes it (unless the design cannot be
      // written for that product at all, such as a selector mixing IPv4 and IPv6).
      const asked = await cli(['export', '--include-secrets'], serializeDocument(doc));
      if (keys.some((k) => asked.includes(k))) written++;
    }), { numRuns: 300 });
    expect(mismatches).toBeGreaterThan(30);
    expect(written).toBeGreaterThan(runs / 2);
  });

  it('the PSK-mismatch fix still sets the key when applied in the app, by reference', () => {
    const s: SecretDesign = { base: fc.sample(design, { numRuns: 1, seed: 7 })[0]!, keyA: 'QzFirstKeyAAAAAKv', keyB: 'QzSecondKeyBBBBKv', sameKey: false, certificateOn: undefined, wrongRemoteId: false };
    s.base = { ...s.base, vendorA: 'strongswan', vendorB: 'strongswan', ikeVersion: 2, aggressive: false, localId: undefined, remoteId: undefined, proxyIds: [{ local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'any', localPort: 'any', remotePort: 'any' }] };
    const { doc } = build(s);
    const d = computeReport(doc).tunnels[0]!.diagnostics.find((x) => x.code === 'PSK_MISMATCH');
    expect(d).toBeDefined();
    expect(JSON.stringify(d)).not.toMatch(/QzFirst|QzSecond/);
    const editor = new Editor(doc);
    expect(editor.dispatch({ type: 'batch', label: d!.fixLabel ?? 'Fix', commands: d!.fix })).toEqual({ ok: true, changed: true });
    const t = editor.document.tunnels[0]!;
    const initiator = t.initiator;
    expect(t.a.auth.psk).toBe(t.b.auth.psk);
    expect(t[initiator].auth.psk).toBe(initiator === 'a' ? 'QzFirstKeyAAAAAKv' : 'QzSecondKeyBBBBKv');
    expect(computeReport(editor.document).tunnels[0]!.diagnostics.some((x) => x.code === 'PSK_MISMATCH')).toBe(false);
    editor.undo();
    expect(editor.document).toEqual(doc);
  });
});
