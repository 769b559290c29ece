// The canvas's pure logic: what a drop creates, copy/paste/delete as commands, the edge status,
// the SVG export, and the negotiation player's steps, checked against the real engine.
import { describe, expect, it } from 'vitest';
import { Editor } from '../../shared/commands/editor';
import { computeReport } from '../../shared/engine/report-cache';
import { emptyDocument, type GatewayId, type TopologyDocument } from '../../shared/model/document';
import { TEMPLATES } from '../../shared/templates/index';
import { buildSteps, phase1DoneStep, revealedPhase2 } from '../../renderer/animation/timeline';
import { copySelection, deleteSelectionCommands, pasteCommands } from '../../renderer/canvas/clipboard';
import { addGatewayCommand, addNetworkCommand, addTunnelCommand, nearestGateway } from '../../renderer/canvas/create';
import { buildSvg } from '../../renderer/canvas/export-image';
import { vendorMarkSvg } from '../../renderer/canvas/vendor-icon';
import { findReportTunnel, tunnelStatus } from '../../renderer/canvas/tunnel-status';

function template(id: string): TopologyDocument {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t.build();
}

function panAsaByDrops(): { editor: Editor; pa: GatewayId; asa: GatewayId } {
  const editor = new Editor(emptyDocument());
  const pa = addGatewayCommand(editor.document, 'panos', { x: 0, y: 0 });
  editor.dispatch(pa.command);
  const asa = addGatewayCommand(editor.document, 'cisco-asa', { x: 500, y: 0 });
  editor.dispatch(asa.command);
  for (const p of [{ x: 100, y: 200 }, { x: 600, y: 200 }]) {
    const gw = nearestGateway(editor.document, p);
    if (!gw) throw new Error('no gateway');
    editor.dispatch(addNetworkCommand(editor.document, 'network', p, gw).command);
  }
  return { editor, pa: pa.id, asa: asa.id };
}

describe('dropping things on the canvas', () => {
  it('gives each gateway its own addresses and a unique name', () => {
    const { editor } = panAsaByDrops();
    const [a, b] = editor.document.gateways;
    expect(a?.name).toBe('PA-1');
    expect(b?.name).toBe('ASA-2');
    expect(a?.interfaces.map((i) => i.address)).toEqual(['203.0.113.1/24', '10.1.0.1/24']);
    expect(editor.document.networks.map((n) => [n.name, n.address])).toEqual([
      ['PA-1-lan', '10.1.0.0/24'],
      ['ASA-2-lan', '10.2.0.0/24'],
    ]);
  });

  it('a tunnel gives the policy-based end its crypto-ACL selectors and the route-based end its routes, as one undo step', () => {
    const { editor, pa, asa } = panAsaByDrops();
    const r = addTunnelCommand(editor.document, pa, asa);
    if ('error' in r) throw new Error(r.error);
    editor.dispatch(r.command);
    const t = editor.document.tunnels[0]!;
    expect(t.a.proxyIds).toEqual([]);
    expect(t.b.proxyIds.map((p) => [p.local, p.remote])).toEqual([['10.2.0.0/24', '10.1.0.0/24']]);
    const paGw = editor.document.gateways.find((g) => g.id === pa)!;
    expect(paGw.routes).toEqual([{ destination: '10.2.0.0/24', interface: 'tunnel.1' }]);
    expect(paGw.interfaces.some((i) => i.name === 'tunnel.1' && i.kind === 'tunnel')).toBe(true);
    editor.undo();
    expect(editor.document.tunnels).toEqual([]);
    expect(editor.document.gateways.find((g) => g.id === pa)!.routes).toEqual([]);
  });

  it('refuses a tunnel from a gateway to itself', () => {
    const { editor, pa } = panAsaByDrops();
    expect(addTunnelCommand(editor.document, pa, pa)).toEqual({ error: 'A tunnel needs two different gateways.' });
  });

  it('the real engine: phase 2 fails on the default selector and the diagnostic fix brings it up', () => {
    const { editor, pa, asa } = panAsaByDrops();
    const r = addTunnelCommand(editor.document, pa, asa);
    if ('error' in r) throw new Error(r.error);
    editor.dispatch(r.command);
    const before = tunnelStatus(findReportTunnel(computeReport(editor.document), editor.document.tunnels[0]!));
    expect(before).toMatchObject({ phase1: 'up', phase2Up: 0, phase2Down: 1, health: 'down' });
    const rt = computeReport(editor.document).tunnels[0]!;
    const fix = rt.diagnostics.find((d) => d.fix.length > 0);
    expect(fix).toBeDefined();
    editor.dispatch({ type: 'batch', label: 'fix', commands: fix!.fix });
    const after = tunnelStatus(findReportTunnel(computeReport(editor.document), editor.document.tunnels[0]!));
    expect(after).toMatchObject({ health: 'up', phase2Up: 1, phase2Down: 0 });
  });

  it('says so when no selector is valid, and keeps one status object per report tunnel', () => {
    const { editor, pa, asa } = panAsaByDrops();
    const r = addTunnelCommand(editor.document, pa, asa);
    if ('error' in r) throw new Error(r.error);
    editor.dispatch(r.command);
    editor.dispatch({ type: 'proxyId.add', tunnelId: editor.document.tunnels[0]!.id, end: 'a', proxyId: { name: '', local: '10.0.0.0/24', remote: '10.1.0.0/24', protocol: 'any', localPort: 'any', remotePort: '443' } });
    const report = computeReport(editor.document);
    const rt = findReportTunnel(report, editor.document.tunnels[0]!)!;
    expect(rt.diagnostics.map((d) => d.code)).toContain('INVALID_SELECTOR');
    const status = tunnelStatus(rt);
    expect(status).toMatchObject({ health: 'down', phase1: 'up', phase2Up: 0, phase2Down: 0, description: 'Phase 1 up; no valid phase-2 selector to propose' });
    // The canvas compares statuses by identity to skip unchanged edges.
    expect(tunnelStatus(rt)).toBe(status);
  });
});

describe('clipboard', () => {
  it('paste gives fresh ids and names, keeps tunnels whose both ends were copied, and is one undo step', () => {
    const doc = template('full-mesh');
    const editor = new Editor(doc);
    const sel = { gateways: doc.gateways.slice(0, 2).map((g) => g.id), networks: [], tunnels: [] };
    const clip = copySelection(doc, sel)!;
    expect(clip.tunnels).toHaveLength(1);
    const r = pasteCommands(editor.document, clip)!;
    editor.dispatch(r.command);
    const d = editor.document;
    expect(d.gateways).toHaveLength(doc.gateways.length + 2);
    expect(new Set(d.gateways.map((g) => g.id)).size).toBe(d.gateways.length);
    expect(new Set(d.gateways.map((g) => g.name)).size).toBe(d.gateways.length);
    expect(d.tunnels).toHaveLength(doc.tunnels.length + 1);
    const pasted = d.tunnels[d.tunnels.length - 1]!;
    expect(r.selection.gateways).toContain(pasted.a.gatewayId);
    expect(r.selection.gateways).toContain(pasted.b.gatewayId);
    editor.undo();
    expect(editor.document).toEqual(doc);
  });

  it('delete removes a gateway with its networks and tunnels, without removing them twice', () => {
    const doc = template('hub-and-spoke');
    const hub = doc.gateways[0]!;
    const cmds = deleteSelectionCommands(doc, { gateways: [hub.id], networks: doc.networks.filter((n) => n.gatewayId === hub.id).map((n) => n.id), tunnels: doc.tunnels.map((t) => t.id) });
    expect(cmds).toEqual([{ type: 'gateway.remove', id: hub.id }]);
    const editor = new Editor(doc);
    expect(editor.dispatch({ type: 'batch', label: 'Delete', commands: cmds })).toEqual({ ok: true, changed: true });
  });
});

describe('negotiation player steps from the engine timeline', () => {
  it('lights phase 1 after its last message and reveals each selector in turn', () => {
    const doc = template('screenos-multi-proxy-id');
    const rt = computeReport(doc).tunnels[0]!;
    const steps = buildSteps(rt);
    expect(steps.length).toBe(rt.timeline.length);
    const p1 = phase1DoneStep(steps, rt);
    expect(p1).toBeGreaterThanOrEqual(0);
    expect(steps.slice(0, p1 + 1).every((s) => s.phase === 1)).toBe(true);
    expect(revealedPhase2(steps, 0, rt).size).toBe(0);
    const seen: number[] = [];
    for (let k = 1; k <= steps.length; k++) {
      const now = revealedPhase2(steps, k, rt);
      expect(now.size).toBeGreaterThanOrEqual(seen.length);
      seen.splice(0, seen.length, ...now);
    }
    expect(seen.sort()).toEqual(rt.phase2.map((p) => p.index).sort());
    expect(steps[0]!.fromA).toBe(rt.timeline[0]!.from === 'a');
  });

  it('names each nonce a message carries with its size, per IKE version, and none where there is none', () => {
    const v2 = computeReport(template('hub-and-spoke')).tunnels[0]!;
    const init = buildSteps(v2).find((s) => s.label === 'IKE_SA_INIT request 0');
    expect(init?.values.find((v) => v.label === 'Ni')?.value).toContain('16 to 256 octets');
    expect(buildSteps(v2).find((s) => s.label === 'IKE_SA_INIT response 0')?.values.find((v) => v.label === 'Nr')).toBeDefined();
    expect(buildSteps(v2).find((s) => s.label === 'IKE_AUTH request 1')?.values.some((v) => v.label === 'Ni' || v.label === 'Nr')).toBe(false);
    const v1 = computeReport(template('screenos-multi-proxy-id')).tunnels[0]!;
    expect(buildSteps(v1).find((s) => s.label === 'Main Mode 4')?.values.find((v) => v.label === 'Nr')?.value).toContain('8 to 256 octets');
  });
});

describe('SVG export', () => {
  it('draws every gateway, network and tunnel and escapes names', () => {
    const doc = template('pan-asa-interop');
    doc.gateways[0]!.name = 'A<&>"B';
    const svg = buildSvg(doc, computeReport(doc));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('A&lt;&amp;&gt;&quot;B');
    expect(svg).not.toContain('A<&>"B');
    for (const n of doc.networks) expect(svg).toContain(n.address);
    expect(svg).toContain(doc.tunnels[0]!.name);
    // Each gateway carries the same vendor mark as on the canvas, placed in its box.
    for (const g of doc.gateways) expect(svg).toContain(vendorMarkSvg(g.vendor, { x: g.position.x + 10, y: g.position.y + 12, size: 34 }));
  });
});
