// The injection and escaping defects of issue 10 (items 2, 5, 6, 7), each reproduced as it was
// found: a crafted document that put a configuration line into an export, a key changed or cut
// on its way into a file, an interface the engine and the exporter disagreed about, a Windows
// reserved export file name. The property suites next to this file try many more values.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/main';
import { computeReport } from '../../../shared/engine/report-cache';
import { fileStem } from '../../../shared/vendors/kit/export/context';
import { exportDocument } from '../../../shared/export/export';
import { EXPORT_VENDORS, type ExportVendorId as ExportVendor } from '../../../shared/vendors/registry';
import type { TopologyDocument } from '../../../shared/model/document';
import { loadDocumentValue, serializeDocument } from '../../../shared/document/file';
import { pair } from '../../shared/engine/build';
import { EXPORT_GRAMMARS } from '../../support/export-grammars';
import { memoryIo } from '../../support/memory-io';

const INJECTED = 'set system root-authentication plain-text-password-value owned';

function crafted(vendor: ExportVendor, change: (doc: TopologyDocument) => void): TopologyDocument {
  const doc = pair({ a: vendor, b: 'strongswan', v: 2 });
  change(doc);
  return doc;
}

function exportOf(doc: TopologyDocument, includeSecrets = true) {
  return exportDocument(doc, { skipEngineCheck: true, includeSecrets });
}

function fileOf(doc: TopologyDocument, gateway: string, includeSecrets = true): string {
  const r = exportOf(doc, includeSecrets);
  return r.files.filter((f) => f.name.startsWith(`${gateway}.`)).map((f) => f.content).join('\n');
}

describe('a crafted identity cannot add a line to a Junos export', () => {
  const withIdentity = (doc: TopologyDocument) => {
    (doc.tunnels[0] as TopologyDocument['tunnels'][number]).a.auth.localId = { type: 'fqdn', value: `vpn.example.net\n${INJECTED}` };
  };

  it('is refused when the file is opened, with the path and what to do', () => {
    const raw = JSON.parse(serializeDocument(crafted('junos-srx', () => {})));
    raw.tunnels[0].a.auth.localId = { type: 'fqdn', value: `vpn.example.net\n${INJECTED}` };
    const r = loadDocumentValue(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === 'tunnels[0].a.auth.localId.value');
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e?.message).toMatch(/letters, digits/);
    // The message says what to do without repeating the value.
    expect(e?.message).not.toContain('root-authentication');
  });

  it('makes `check` exit 2 instead of 0', async () => {
    const raw = JSON.parse(serializeDocument(crafted('junos-srx', () => {})));
    raw.tunnels[0].a.auth.localId = { type: 'fqdn', value: `vpn.example.net\n${INJECTED}` };
    const m = memoryIo({ 'x.json': JSON.stringify(raw) });
    expect(await runCli(['check', 'x.json'], m.io)).toBe(2);
  });

  it('is refused by the exporter too when the document did not come through the loader', () => {
    const doc = crafted('junos-srx', withIdentity);
    const r = exportOf(doc);
    const text = r.files.map((f) => f.content).join('\n');
    expect(text.split('\n').some((l) => l.startsWith('set system'))).toBe(false);
    expect(r.warnings.some((w) => w.code === 'INVALID_VALUE' && /localId\.value/.test(w.message))).toBe(true);
  });
});

describe('pre-shared keys reach the file unchanged, or not at all', () => {
  const key = (vendor: ExportVendor, psk: string) =>
    crafted(vendor, (doc) => {
      const t = doc.tunnels[0] as TopologyDocument['tunnels'][number];
      t.a.auth.psk = psk;
      t.b.auth.psk = psk;
    });

  it('strongSwan escapes a trailing backslash (it used to escape the closing quote)', () => {
    const text = fileOf(key('strongswan', 'abc\\'), 'HQ');
    expect(text).toContain('secret = "abc\\\\"');
  });

  it('strongSwan escapes quotes and backslashes inside the key', () => {
    expect(fileOf(key('strongswan', 'a"b\\c'), 'HQ')).toContain('secret = "a\\"b\\\\c"');
  });

  it('FortiOS escapes a quote instead of dropping it (a changed key no longer matches the peer)', () => {
    expect(fileOf(key('fortigate', 'ab"cd'), 'HQ')).toContain('set psksecret "ab\\"cd"');
  });

  it('PAN-OS refuses a key with a double quote instead of writing a broken line', () => {
    const doc = key('panos', 'ab"cd');
    const r = exportOf(doc);
    const text = fileOf(doc, 'HQ');
    expect(text).not.toContain('pre-shared-key key');
    expect(r.warnings.some((w) => w.code === 'VALUE_UNSUPPORTED' && w.gateway === 'HQ' && /pre-shared key/.test(w.message))).toBe(true);
  });

  it('ScreenOS refuses a key with a double quote instead of stripping it', () => {
    const text = fileOf(key('screenos', 'ab"cd'), 'HQ');
    expect(text).not.toContain('preshare "abcd"');
    expect(text).toContain('VALUE_UNSUPPORTED');
  });

  it('Libreswan writes a key with a double quote in single quotes instead of stripping it', () => {
    const doc = key('libreswan', 'ab"cd');
    const secrets = exportOf(doc).files.find((f) => f.name === 'HQ.ipsec.secrets')?.content ?? '';
    expect(secrets).toContain(": PSK 'ab\"cd'");
  });

  it('IOS refuses a key with a space ("crypto isakmp key a b address" would take "a")', () => {
    const doc = key('cisco-ios', 'a b');
    doc.tunnels[0]!.a.ikeVersion = 1;
    doc.tunnels[0]!.b.ikeVersion = 1;
    const text = fileOf(doc, 'HQ');
    expect(text).not.toContain('crypto isakmp key a b');
    expect(text).toContain('VALUE_UNSUPPORTED');
  });

  it('IOS refuses a key with "?" (the CLI takes it as a request for help)', () => {
    const text = fileOf(key('cisco-ios', 'what?'), 'HQ');
    expect(text).not.toContain('what?');
  });

  it('a key the exporter refuses is never quoted in a warning', () => {
    const r = exportOf(key('panos', 'my"secret-key'));
    expect(JSON.stringify(r.warnings)).not.toContain('secret-key');
  });
});

describe('export file names', () => {
  it.each(['CON', 'con', 'NUL', 'Aux', 'PRN', 'COM0', 'COM1', 'com9', 'LPT0', 'LPT1', 'lpt9', 'CON.backup', 'NUL .x'])('never a Windows reserved name: %s', (name) => {
    const stem = fileStem(name);
    const base = stem.split('.')[0]?.replace(/[ .]+$/, '').toUpperCase() ?? '';
    expect(['CON', 'PRN', 'AUX', 'NUL', ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`COM${n}`, `LPT${n}`])]).not.toContain(base);
    expect(stem).toMatch(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/);
  });

  it.each(['a.', 'a ', 'a. . ', 'x...'])('never ending in "." or " ": %j', (name) => {
    expect(fileStem(name)).not.toMatch(/[. ]$/);
  });

  it('a gateway called CON exports to a file Windows can create', () => {
    const doc = pair({ a: 'panos', b: 'panos' });
    doc.gateways[0]!.name = 'CON';
    const names = exportOf(doc).files.map((f) => f.name);
    expect(names.some((n) => /^CON\./i.test(n))).toBe(false);
  });
});

describe('an outside interface that the gateway does not have', () => {
  const dangling = (vendor: ExportVendor) =>
    crafted(vendor, (doc) => {
      doc.tunnels[0]!.a.outsideInterface = 'ethernet9/9';
    });

  it('still loads (nothing the user made is lost)', () => {
    expect(loadDocumentValue(JSON.parse(serializeDocument(dangling('panos')))).ok).toBe(true);
  });

  it('is an engine error with a fix, and phase 1 is down', () => {
    const report = computeReport(dangling('panos'));
    const t = report.tunnels[0]!;
    expect(t.phase1.status).toBe('down');
    const d = t.diagnostics.find((x) => x.code === 'INTERFACE_MISSING');
    expect(d, JSON.stringify(t.diagnostics)).toBeDefined();
    expect(d?.end).toBe('a');
    expect(d?.fix).toEqual([{ type: 'tunnelEnd.update', tunnelId: 't1', end: 'a', changes: { outsideInterface: 'ethernet1/1' } }]);
  });

  it.each(EXPORT_VENDORS)('%s: the tunnel is not written, a warning says why', (vendor) => {
    const doc = dangling(vendor);
    const r = exportOf(doc);
    const text = fileOf(doc, 'HQ');
    expect(text).not.toContain('ethernet9/9\n');
    // No statement names it (a comment, by the file's grammar, may say what was left out).
    for (const f of r.files.filter((x) => x.name.startsWith('HQ.'))) {
      const { comment } = EXPORT_GRAMMARS.of(f.name).file;
      expect(f.content.split('\n').filter((l) => !l.trimStart().startsWith(comment) && l.includes('ethernet9/9')), f.name).toEqual([]);
    }
    expect(r.warnings.some((w) => w.code === 'MISSING_INTERFACE' && w.gateway === 'HQ' && w.tunnel === 'hq-branch')).toBe(true);
  });
});

describe('what a vendor cannot express is left out whole, and said', () => {
  it('a gateway that does not validate (built by other code than the loader) gets no file', () => {
    const doc = pair({ a: 'panos', b: 'panos' });
    doc.gateways[0]!.interfaces[0]!.name = `ethernet1/1\n${INJECTED}`;
    const r = exportOf(doc);
    expect(r.files.some((f) => f.name.startsWith('HQ.'))).toBe(false);
    expect(r.warnings.some((w) => w.code === 'INVALID_VALUE' && w.gateway === 'HQ' && /interfaces\[0\]\.name/.test(w.message))).toBe(true);
    expect(JSON.stringify(r.warnings)).not.toContain('root-authentication');
  });

  it('Junos escapes a key ending in a backslash and one with a double quote', () => {
    const doc = crafted('junos-srx', (d) => {
      d.tunnels[0]!.a.auth.psk = 'ab"c\\';
    });
    expect(fileOf(doc, 'HQ')).toContain('pre-shared-key ascii-text "ab\\"c\\\\"');
  });

  it('Junos refuses a zone name with a space (its policies read a zone as one word)', () => {
    const doc = crafted('junos-srx', (d) => {
      d.gateways[0]!.interfaces[1]!.zone = 'my zone';
    });
    const r = exportOf(doc);
    expect(fileOf(doc, 'HQ')).not.toMatch(/^set .*my zone/m);
    expect(r.warnings.some((w) => w.code === 'VALUE_UNSUPPORTED' && w.gateway === 'HQ' && /zone/.test(w.message))).toBe(true);
  });

  it('IOS refuses an interface name that is not an IOS one (the lines after "interface" would land in another mode)', () => {
    const doc = crafted('cisco-ios', (d) => {
      d.gateways[0]!.interfaces[0]!.name = 'outside';
      d.tunnels[0]!.a.outsideInterface = 'outside';
    });
    const text = fileOf(doc, 'HQ');
    expect(text).not.toMatch(/^interface outside$/m);
    expect(text).toContain('VALUE_UNSUPPORTED');
  });

  it('ScreenOS leaves out a monitor source interface the gateway does not have, and says so', () => {
    const doc = crafted('screenos', (d) => {
      d.tunnels[0]!.a.monitor = { ...d.tunnels[0]!.a.monitor, enabled: true, sourceInterface: 'ethernet0/7' };
    });
    const r = exportOf(doc);
    expect(fileOf(doc, 'HQ')).not.toContain('source-interface ethernet0/7');
    expect(r.warnings.some((w) => w.code === 'MISSING_INTERFACE' && /source interface/.test(w.message))).toBe(true);
  });

  it('strongSwan refuses an e-mail identity with "*" (charon would match it as a wildcard)', () => {
    const doc = crafted('strongswan', (d) => {
      d.tunnels[0]!.a.auth.remoteId = { type: 'user-fqdn', value: '*@example.net' };
    });
    const text = fileOf(doc, 'HQ');
    expect(text).not.toContain('*@example.net');
    expect(text).not.toMatch(/^ {4}hq-branch \{$/m);
  });
});
