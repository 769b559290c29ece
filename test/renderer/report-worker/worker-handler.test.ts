// The engine worker's side: each job answers exactly what the domain computes on the same
// document (the panels used to call it themselves), on the copy the requests' deltas build;
// a request it cannot trust is refused with a code, never computed on a wrong copy.
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { exportDocument, isDesignFailure } from '../../../shared/export/export';
import { importConfigurations } from '../../../shared/import/import';
import { engineNegotiator } from '../../../shared/monitor/engine-negotiator';
import { applyEvent, initialMonitorState } from '../../../shared/monitor/monitor';
import { interfaceStatuses } from '../../../shared/monitor/status';
import { runOpsCommand } from '../../../shared/show-commands/commands';
import { TEMPLATES } from '../../../shared/templates/index';
import { walkPacket } from '../../../shared/walk/walk';
import type { TopologyDocument } from '../../../shared/model/document';
import { makeDelta } from '../../../renderer/report-worker/delta';
import type { JobSpec, WorkerRequest, WorkerResponse } from '../../../renderer/report-worker/protocol';
import { parseResponse } from '../../../renderer/report-worker/protocol';
import { realWorker } from './harness';

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();

/** A worker holding `doc` as document 1, and a way to ask it jobs on that copy. */
function holding(doc: TopologyDocument) {
  const w = realWorker();
  let id = 0;
  const first = w.answer({ kind: 'report', id: ++id, doc: { seq: 1, delta: { base: null, lists: makeDelta(undefined, doc) } }, since: null });
  expect(first.ok).toBe(true);
  const ask = (spec: Exclude<JobSpec, { kind: 'report' }>): WorkerResponse => {
    const r = w.answer({ ...spec, id: ++id, doc: { seq: 1 } } as WorkerRequest);
    // What the worker posts is what the UI accepts.
    expect(parseResponse(r)).toMatchObject({ ok: true });
    return r;
  };
  return { worker: w, ask };
}

function resultOf<K extends WorkerResponse['kind']>(r: WorkerResponse, kind: K) {
  if (!r.ok || r.kind !== kind) throw new Error(`expected a ${kind} answer, got ${JSON.stringify(r).slice(0, 300)}`);
  return r as Extract<WorkerResponse, { kind: K; ok: true }>;
}

describe('export in the worker', () => {
  it.each([
    ['full-mesh', { vendor: 'auto' as const, includeSecrets: false }],
    ['full-mesh', { vendor: 'fortigate' as const, includeSecrets: true, gateways: ['gw-2'] }],
    ['pan-asa-interop', { vendor: 'auto' as const, includeSecrets: false }],
    ['screenos-multi-proxy-id', { vendor: 'libreswan' as const, includeSecrets: false }],
  ])('%s %o: the files and warnings of exportDocument', (id, options) => {
    const doc = template(id);
    const { ask } = holding(doc);
    const direct = exportDocument(doc, options);
    const { result } = resultOf(ask({ kind: 'export', options }), 'export');
    expect(result.files).toEqual(direct.files);
    expect(result.design).toEqual(direct.warnings.filter(isDesignFailure));
    expect(result.other).toEqual(direct.warnings.filter((w) => !isDesignFailure(w)));
    expect(result.files.length).toBeGreaterThan(0);
  });

  it('the PAN-OS ↔ ASA design is predicted not to come up', () => {
    const { ask } = holding(template('pan-asa-interop'));
    expect(resultOf(ask({ kind: 'export', options: { vendor: 'auto', includeSecrets: false } }), 'export').result.design.length).toBeGreaterThan(0);
  });
});

describe('import in the worker', () => {
  it('reads and assembles the configurations as importConfigurations does, whatever document the worker holds', () => {
    const doc = template('pan-asa-interop');
    const { files } = exportDocument(doc, { vendor: 'auto' });
    const { ask } = holding(template('full-mesh'));
    const configs = files.map((f, i) => ({ name: f.name, content: f.content, label: `box-${i}` }));
    const { result } = resultOf(ask({ kind: 'import', files: configs, includeSecrets: false }), 'import');
    expect(result).toEqual(importConfigurations(configs));
    expect(result.ok && result.files.map((f) => f.vendor)).toEqual(doc.gateways.map((g) => g.vendor));
    expect(result.ok && result.document.tunnels).toHaveLength(1);
  });

  it('a refused file is an answer with its code, not a failed job', () => {
    const { ask } = holding(template('full-mesh'));
    const { result } = resultOf(ask({ kind: 'import', files: [{ name: 'Box 1', content: 'PK\u0003\u0004\u0000\u0000garbage' }], includeSecrets: false }), 'import');
    expect(result).toMatchObject({ ok: false, code: 'BINARY', file: 'Box 1' });
  });
});

describe('packet walk in the worker', () => {
  it.each([
    { from: 'Net 1.2', to: 'Net 2.2', protocol: 'icmp' },
    { from: 'Net 1.2', to: '10.99.0.1', protocol: 'tcp', port: 443 },
    { from: 'nowhere', to: 'Net 2.2', protocol: 'tcp', port: 443 },
    { from: 'Net 1.2', to: 'Net 2.2', protocol: 'tcp', port: 70000 },
  ])('%o: the answer of walkPacket, without the monitor state', (packet) => {
    const doc = template('screenos-multi-proxy-id');
    const { ask } = holding(doc);
    const direct = walkPacket(doc, packet, { negotiate: engineNegotiator, now: 0 });
    const { result } = resultOf(ask({ kind: 'walk', packet }), 'walk');
    if (direct.ok) {
      const { monitor: _m, ...value } = direct.value;
      expect(result).toEqual({ ok: true, value });
    } else expect(result).toEqual(direct);
  });
});

describe('VPN monitor in the worker', () => {
  const doc = template('screenos-multi-proxy-id');
  const gw = doc.gateways.find((g) => g.name === 'GATEWAY-1')!;
  const tunnel = doc.tunnels[0]!;
  const ops = { gatewayId: gw.id, command: 'get sa', tunnel: tunnel.name };

  it('a session starts fresh, actions apply once and in order, and the view is the domain\'s', () => {
    const { ask } = holding(doc);
    const start = resultOf(ask({ kind: 'monitor', session: 's1', actions: [], ops }), 'monitor').result;
    expect(start.now).toBe(0);
    expect(start.views).toEqual(interfaceStatuses(doc, initialMonitorState(doc, 0)));
    expect(start.views.find((v) => v.gatewayName === 'GATEWAY-1')?.status).toBe('DOWN');

    const after = resultOf(ask({ kind: 'monitor', session: 's1', actions: [{ type: 'advance', ms: 10_000 }], ops }), 'monitor').result;
    const direct = applyEvent(doc, initialMonitorState(doc, 0), { type: 'tick', at: 10_000 }, engineNegotiator);
    expect(after.now).toBe(10_000);
    expect(after.views).toEqual(interfaceStatuses(doc, direct));
    expect(after.views.find((v) => v.gatewayName === 'GATEWAY-1')?.status).toBe('UP');
    expect(after.ops).toEqual(runOpsCommand(doc, direct, gw, 'get sa', tunnel.name));
    expect(after.ops).toMatchObject({ ok: true, text: expect.stringContaining('total configured sa: 4') });
    expect(after.log).toEqual(direct.log.slice(-30));

    // A view alone changes nothing; two actions in one request both count.
    expect(resultOf(ask({ kind: 'monitor', session: 's1', actions: [], ops }), 'monitor').result.now).toBe(10_000);
    const twice = resultOf(ask({ kind: 'monitor', session: 's1', actions: [{ type: 'peer-loss', tunnelId: tunnel.id }, { type: 'advance', ms: 60_000 }], ops }), 'monitor').result;
    expect(twice.now).toBe(70_000);
    expect(twice.views.find((v) => v.gatewayName === 'GATEWAY-1')).toMatchObject({ status: 'DOWN', routesInstalled: false });

    // Reset, and a new session, start from the beginning.
    expect(resultOf(ask({ kind: 'monitor', session: 's1', actions: [{ type: 'reset' }], ops }), 'monitor').result.now).toBe(0);
    ask({ kind: 'monitor', session: 's1', actions: [{ type: 'advance', ms: 5_000 }], ops: null });
    const other = resultOf(ask({ kind: 'monitor', session: 's2', actions: [], ops: null }), 'monitor').result;
    expect(other).toMatchObject({ now: 0, ops: null });
  });

  it('an action on a tunnel the document no longer has changes nothing', () => {
    const { ask } = holding(doc);
    ask({ kind: 'monitor', session: 's', actions: [{ type: 'advance', ms: 10_000 }], ops: null });
    const r = resultOf(ask({ kind: 'monitor', session: 's', actions: [{ type: 'peer-loss', tunnelId: 'tun-gone' }], ops: null }), 'monitor').result;
    expect(r.views.find((v) => v.gatewayName === 'GATEWAY-1')?.status).toBe('UP');
  });
});

describe('the copy of the document', () => {
  it('follows deltas, so a job sees the edited document', () => {
    const editor = new Editor(template('full-mesh'));
    const w = realWorker();
    const sent = editor.document;
    w.answer({ kind: 'report', id: 1, doc: { seq: 1, delta: { base: null, lists: makeDelta(undefined, sent) } }, since: null });
    editor.dispatch({ type: 'document.rename', name: 'Renamed design' });
    const r = w.answer({ kind: 'export', id: 2, doc: { seq: 2, delta: { base: 1, lists: makeDelta(sent, editor.document) } }, options: { vendor: 'auto', includeSecrets: false } });
    expect(resultOf(r, 'export')).toMatchObject({ docSeq: 2 });
    expect(resultOf(r, 'export').result.files[0]?.content).toContain('Renamed design');
  });

  it('refuses a job for a document it does not hold, or a delta against another copy', () => {
    const doc = template('full-mesh');
    const w = realWorker();
    expect(w.answer({ kind: 'walk', id: 1, doc: { seq: 1 }, packet: { from: 'a', to: 'b', protocol: 'tcp' } })).toMatchObject({ ok: false, code: 'DOCUMENT_OUT_OF_STEP', id: 1, kind: 'walk', docSeq: null });
    w.answer({ kind: 'report', id: 2, doc: { seq: 1, delta: { base: null, lists: makeDelta(undefined, doc) } }, since: null });
    expect(w.answer({ kind: 'report', id: 3, doc: { seq: 3, delta: { base: 2, lists: makeDelta(doc, doc) } }, since: 2 })).toMatchObject({ ok: false, code: 'DOCUMENT_OUT_OF_STEP', message: 'the delta is against document 2, the worker holds 1' });
    expect(w.answer({ kind: 'report', id: 4, doc: { seq: 2 }, since: 2 })).toMatchObject({ ok: false, code: 'DOCUMENT_OUT_OF_STEP' });
    // Still holding document 1, untouched.
    expect(w.answer({ kind: 'report', id: 5, doc: { seq: 1 }, since: null })).toMatchObject({ ok: true, docSeq: 1 });
  });

  it('sends the report whole when the UI does not hold the one it was built on', () => {
    const doc = template('full-mesh');
    const w = realWorker();
    const one = resultOf(w.answer({ kind: 'report', id: 1, doc: { seq: 1, delta: { base: null, lists: makeDelta(undefined, doc) } }, since: null }), 'report');
    expect(one.report.tunnels.kind).toBe('full');
    const two = resultOf(w.answer({ kind: 'report', id: 2, doc: { seq: 1 }, since: 1 }), 'report');
    expect(two.report.tunnels).toEqual({ kind: 'patch', length: doc.tunnels.length, changed: [] });
    expect(resultOf(w.answer({ kind: 'report', id: 3, doc: { seq: 1 }, since: 1 }), 'report').report.tunnels.kind).toBe('full');
  });

  it('says which job failed when the domain throws (a bug), and goes on serving', () => {
    const doc = template('full-mesh');
    const w = realWorker();
    w.answer({ kind: 'report', id: 1, doc: { seq: 1, delta: { base: null, lists: makeDelta(undefined, doc) } }, since: null });
    // A tunnel record with nothing in it: the protocol checks records only that far.
    const broken = { ...doc, tunnels: [{ id: 'tun-x' } as unknown as TopologyDocument['tunnels'][number]] };
    const r = w.answer({ kind: 'monitor', id: 2, doc: { seq: 2, delta: { base: 1, lists: makeDelta(doc, broken) } }, session: 's', actions: [], ops: null });
    expect(r).toMatchObject({ ok: false, code: 'JOB_FAILED', id: 2, kind: 'monitor', docSeq: 2, message: expect.stringContaining('proxyIds') });
    expect(w.answer({ kind: 'walk', id: 3, doc: { seq: 3, delta: { base: 2, lists: makeDelta(broken, doc) } }, packet: { from: 'a', to: 'b', protocol: 'tcp' } })).toMatchObject({ ok: true, kind: 'walk' });
  });
});

describe('requests the worker refuses', () => {
  const w = realWorker();
  it.each([
    ['not an object', 'hello', null, /the message: /],
    ['an unknown kind', { kind: 'format-disk', id: 7, doc: { seq: 1 } }, 7, /kind/],
    ['no id', { kind: 'walk', doc: { seq: 1 }, packet: { from: 'a', to: 'b', protocol: 'tcp' } }, null, /id/],
    ['a negative sequence', { kind: 'walk', id: 1, doc: { seq: -1 }, packet: { from: 'a', to: 'b', protocol: 'tcp' } }, 1, /doc\.seq/],
    ['an unknown field', { kind: 'walk', id: 1, doc: { seq: 1 }, packet: { from: 'a', to: 'b', protocol: 'tcp' }, extra: 1 }, 1, /extra|Unrecognized/],
    ['an exporter that does not exist', { kind: 'export', id: 2, doc: { seq: 1 }, options: { vendor: 'notepad', includeSecrets: false } }, 2, /options\.vendor/],
    ['keys as a string', { kind: 'export', id: 2, doc: { seq: 1 }, options: { vendor: 'auto', includeSecrets: 'yes' } }, 2, /options\.includeSecrets/],
    ['an unknown monitor action', { kind: 'monitor', id: 3, doc: { seq: 1 }, session: 's', actions: [{ type: 'explode' }], ops: null }, 3, /actions\.0/],
    ['an import of a product that does not exist', { kind: 'import', id: 6, doc: { seq: 1 }, files: [{ name: 'a', content: 'x', vendor: 'notepad' }], includeSecrets: false }, 6, /files\.0\.vendor/],
    ['an import file without a name', { kind: 'import', id: 6, doc: { seq: 1 }, files: [{ content: 'x' }], includeSecrets: false }, 6, /files\.0\.name/],
    ['time going back', { kind: 'monitor', id: 3, doc: { seq: 1 }, session: 's', actions: [{ type: 'advance', ms: -5 }], ops: null }, 3, /actions\.0/],
    ['a patch beyond its list', { kind: 'report', id: 4, since: null, doc: { seq: 1, delta: { base: null, lists: { formatVersion: 2, name: '', notes: '', gateways: { kind: 'same' }, networks: { kind: 'same' }, tunnels: { kind: 'patch', length: 1, changed: [[3, { id: 't' }]] } } } } }, 4, /beyond the end/],
    ['a document entry that is not a record', { kind: 'report', id: 5, since: null, doc: { seq: 1, delta: { base: null, lists: { formatVersion: 2, name: '', notes: '', gateways: { kind: 'full', items: ['gw'] }, networks: { kind: 'same' }, tunnels: { kind: 'same' } } } } }, 5, /gateways\.items\.0: a gateway must be a record/],
  ])('%s', (_what, message, id, why) => {
    const r = w.answer(message as unknown as WorkerRequest);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', id });
    expect(!r.ok && r.message).toMatch(why);
    expect(!r.ok && r.message).toMatch(/^the engine worker refused a request: /);
  });
});
