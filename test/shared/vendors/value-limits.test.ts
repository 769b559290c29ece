// The value ranges in each product's capability table (shared/vendors/<vendor>/capabilities.ts,
// `valueLimits`): every product with an exporter bounds its lifetimes; a value outside is a
// VALUE_OUT_OF_RANGE diagnostic whose fix the engine confirms; a value inside is none; and the
// exporter never writes a value its product does not take.
import { describe, expect, it } from 'vitest';
import { Editor } from '../../../shared/commands/editor';
import { computeReport } from '../../../shared/engine/report-cache';
import { documentOf, newGateway, newTunnel } from '../../../shared/document/factory';
import { loadDocumentValue } from '../../../shared/document/file';
import type { TopologyDocument, TunnelEnd, Vendor } from '../../../shared/model/document';
import type { VendorModule } from '../../../shared/vendors/kit/vendor-module';
import { settingChanges, settingValue, VALUE_SETTINGS, type ValueLimit, type ValueSetting } from '../../../shared/vendors/kit/capabilities';
import { EXPORT_VENDORS, VENDOR_MODULES, vendorModule } from '../../../shared/vendors/registry';
import { lexFile, exportFor } from '../../security/injection/compare';

/** The peer is a product the app writes no configuration for, so every exported file is end a's. */
const PEER = (VENDOR_MODULES as readonly VendorModule[]).find((m) => !m.exporter)?.id as Vendor;

/** A tunnel from a gateway of `vendor` (end a) to a peer without an exporter, DPD and monitor on so every setting is in use. */
function design(vendor: Vendor, changes: Partial<TunnelEnd> = {}): TopologyDocument {
  const a = newGateway({ id: 'a', name: 'A', vendor, position: { x: 0, y: 0 }, outsideAddress: '192.0.2.1/24', insideAddress: '10.1.0.1/24' });
  const b = newGateway({ id: 'b', name: 'B', vendor: PEER, position: { x: 1, y: 0 }, outsideAddress: '192.0.2.2/24', insideAddress: '10.2.0.1/24' });
  const t = newTunnel({ id: 't', name: 't', a, b, ikeVersion: 2 });
  const proxyIds = [{ name: '', local: '10.1.0.0/24', remote: '10.2.0.0/24', protocol: 'any' as const, localPort: 'any', remotePort: 'any' }];
  t.a = { ...t.a, auth: { method: 'psk', psk: 'k' }, proxyIds, dpd: { enabled: true, intervalSeconds: 10 }, monitor: { ...t.a.monitor, enabled: true, destinationIp: '10.2.0.1' }, ...changes };
  t.b = { ...t.b, auth: { method: 'psk', psk: 'k' }, proxyIds: proxyIds.map((p) => ({ ...p, local: p.remote, remote: p.local })) };
  return documentOf({ gateways: [a, b], tunnels: [t] });
}

const endA = (doc: TopologyDocument): TunnelEnd => (doc.tunnels[0] as TopologyDocument['tunnels'][number]).a;

/** The document with setting = value on end a, when the document's own schema takes the value. */
function withValue(vendor: Vendor, setting: ValueSetting, value: number): TopologyDocument | undefined {
  const base = design(vendor);
  const doc = design(vendor, settingChanges(endA(base), setting, value));
  // A value that turns the setting off (0 kilobytes: no kilobyte lifetime) is not one outside the range.
  return loadDocumentValue(JSON.parse(JSON.stringify(doc))).ok && settingValue(endA(doc), setting) !== undefined ? doc : undefined;
}

/** Values just outside the range, and one inside it the product cannot express, that the document takes. */
function outside(limit: ValueLimit): number[] {
  const candidates = [limit.min - 1, limit.max + 1];
  if (limit.steps) {
    for (let v = limit.min; v <= Math.min(limit.max, limit.min + 1_000_000); v += 7919) {
      if (!limit.steps.accepts(v)) {
        candidates.push(v);
        break;
      }
    }
  }
  return candidates.filter((v) => v >= 0);
}

const limited = VENDOR_MODULES.flatMap((m) =>
  Object.entries(m.capabilities.valueLimits?.(newGateway({ id: 'g', name: 'G', vendor: m.id, position: { x: 0, y: 0 } })) ?? {}).map(([setting, limit]) => ({ vendor: m.id as Vendor, setting: setting as ValueSetting, limit: limit as ValueLimit })),
);

describe('value limits in the capability tables', () => {
  it('every product with an exporter bounds its IKE and IPsec lifetimes, each limit with its source (or says, with its source, that it takes the whole range)', () => {
    const missing: string[] = [];
    for (const vendor of EXPORT_VENDORS) {
      const caps = vendorModule(vendor).capabilities;
      const limits = caps.valueLimits?.(newGateway({ id: 'g', name: 'G', vendor, position: { x: 0, y: 0 } })) ?? {};
      if (caps.valuesUnbounded) {
        // A product that takes the document's whole range says so, with its source, instead.
        if (caps.valueLimits || caps.valuesUnbounded.statement.trim() === '' || caps.valuesUnbounded.source.trim() === '') missing.push(`${vendor}: valuesUnbounded needs a statement and a source, and no valueLimits beside it`);
        continue;
      }
      for (const setting of ['ikeLifetimeSeconds', 'espLifetimeSeconds'] as const) if (!limits[setting]) missing.push(`${vendor}: ${setting} (add it to valueLimits in shared/vendors/${vendor}/capabilities.ts, with the document that gives the range)`);
      for (const [setting, limit] of Object.entries(limits)) {
        if (!limit) continue;
        if (!(limit.min <= limit.max) || limit.source.trim() === '' || limit.statement.trim() === '') missing.push(`${vendor}: ${setting} needs min <= max, a statement and a source`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('settings are read from and written to the end they name', () => {
    const doc = design(VENDOR_MODULES[0]?.id as Vendor);
    for (const setting of VALUE_SETTINGS) {
      const changed = { ...endA(doc), ...settingChanges(endA(doc), setting, 7) };
      expect(settingValue(changed, setting), setting).toBe(7);
    }
  });

  for (const { vendor, setting, limit } of limited) {
    it(`${vendor} ${setting}: a value outside ${limit.min}–${limit.max} is VALUE_OUT_OF_RANGE, and its fix removes it`, () => {
      let tried = 0;
      for (const value of outside(limit)) {
        const doc = withValue(vendor, setting, value);
        if (!doc) continue;
        tried++;
        const found = computeReport(doc).tunnels[0]?.diagnostics.filter((d) => d.code === 'VALUE_OUT_OF_RANGE' && d.end === 'a') ?? [];
        expect(found.length, `${value}`).toBe(1);
        const d = found[0];
        expect(d?.fix.length, 'a fix is offered').toBeGreaterThan(0);
        // It says what the product does with the value: refuses the configuration, or loads it and uses another.
        expect(d?.message).toContain(limit.outside === 'clamped' ? 'would load and silently use' : 'would not load');
        const editor = new Editor(doc);
        editor.dispatch({ type: 'batch', label: d?.fixLabel ?? 'fix', commands: d?.fix ?? [] });
        const fixed = settingValue(endA(editor.document), setting);
        expect(fixed !== undefined && fixed >= limit.min && fixed <= limit.max && (!limit.steps || limit.steps.accepts(fixed)), `fixed value ${fixed}`).toBe(true);
        expect(computeReport(editor.document).tunnels[0]?.diagnostics.filter((x) => x.code === 'VALUE_OUT_OF_RANGE' && x.end === 'a')).toEqual([]);
      }
      for (const value of [limit.min, limit.max]) {
        const doc = withValue(vendor, setting, value);
        if (!doc || (limit.steps && !limit.steps.accepts(value))) continue;
        expect(computeReport(doc).tunnels[0]?.diagnostics.filter((x) => x.code === 'VALUE_OUT_OF_RANGE')).toEqual([]);
      }
      expect(tried, 'the document takes at least one value outside the product range (else the limit says nothing the schema does not)').toBeGreaterThan(0);
    });

    if (vendorModule(vendor).exporter) {
      it(`${vendor} ${setting}: the exporter never writes a value outside ${limit.min}–${limit.max}, and says so`, () => {
        for (const value of outside(limit)) {
          const doc = withValue(vendor, setting, value);
          if (!doc) continue;
          const result = exportFor(doc);
          const own = result.files;
          // The value as a word of its own, after a `key=` or before a unit (`dpddelay=1`, `86401s`),
          // not a digit of an address or a name (`ethernet1/1`, `proxy-id-1` are not the value 1).
          const word = new RegExp(`^([^=\\s]*=)?${value}[A-Za-z]*$`);
          for (const f of own) {
            for (const s of lexFile(f.name, f.content).statements) expect(s.words.some((w) => word.test(w)), `${f.name} line ${s.line}: ${s.words.join(' ')}`).toBe(false);
          }
          expect(result.warnings.some((w) => w.message.includes(String(value))), `a warning names ${value}`).toBe(true);
        }
      });
    }
  }
});
