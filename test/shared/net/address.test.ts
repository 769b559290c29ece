// Address parsing changes nothing silently: text with blanks around or inside, or an IPv6 zone,
// is refused with a message that says what is wrong, instead of being trimmed or dropped.
import { describe, expect, it } from 'vitest';
import { parseAddressSpec, parseInterfaceAddress, parseIp, parsePrefix } from '../../../shared/net/address';
import { makeSelector } from '../../../shared/net/selector';
import { describeErrors } from '../../../shared/model/file';
import { loadDocumentText, serializeDocument } from '../../../shared/document/file';
import { panAsaInterop } from '../../../shared/templates/pan-asa-interop';

const message = (r: { ok: boolean; message?: string }) => (r.ok ? 'accepted' : r.message);

describe('blanks in an address', () => {
  it.each([
    ['10.0.0.0/24 ', 'at the end'],
    [' 10.0.0.0/24', 'at the start'],
    ['10.0.0.0\t/24', 'inside'],
    ['10.0.0.1 - 10.0.0.9', 'inside'],
    [' any', 'at the start'],
    ['10.0.0.1\u00a0', 'at the end'],
    ['10.0.0.1\n', 'at the end'],
  ])('%j is refused: a blank %s', (text, where) => {
    expect(message(parseAddressSpec(text))).toMatch(new RegExp(`has a space or other blank ${where}: remove it`));
  });

  it('the same for a single address, a prefix and an interface address', () => {
    expect(message(parseIp('10.0.0.1 '))).toMatch(/blank at the end/);
    expect(message(parsePrefix(' 10.0.0.0/24'))).toMatch(/blank at the start/);
    expect(message(parseInterfaceAddress('203.0.113.1 /24'))).toMatch(/blank inside/);
  });

  it('the engine does not trim either', () => {
    expect(makeSelector('10.0.0.0/24 ').ok).toBe(false);
  });

  it('a file with "10.0.0.0/24 " in a proxy ID is refused at that path, not loaded trimmed', () => {
    const doc = panAsaInterop();
    doc.tunnels[0]!.b.proxyIds[0]!.local = `${doc.tunnels[0]!.b.proxyIds[0]!.local} `;
    const r = loadDocumentText(serializeDocument(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeErrors(r.errors)).toMatch(/tunnels\[0\]\.b\.proxyIds\[0\]\.local: ".*\/24 " has a space or other blank at the end: remove it/);
  });
});

describe('IPv6 zones', () => {
  it.each(['fe80::1%eth0', 'fe80::1%25eth0', 'fe80::%1/64', 'fe80::1%eth0-fe80::9'])('%s is refused, naming the zone', (text) => {
    expect(message(parseAddressSpec(text))).toMatch(/has an IPv6 zone \(%[^)]+\).*remove it/);
  });

  it('an interface address with a zone is refused too', () => {
    expect(message(parseInterfaceAddress('fe80::1%eth0/64'))).toMatch(/IPv6 zone \(%eth0\)/);
    expect(message(parseIp('fe80::1%eth0'))).toMatch(/IPv6 zone/);
  });

  it('addresses without a zone still parse', () => {
    for (const t of ['fe80::1', 'FE80::1', '2001:db8::/32', '::ffff:10.0.0.1', '10.0.0.1', 'any6', '10.0.0.5-10.0.0.9']) expect(parseAddressSpec(t).ok).toBe(true);
  });
});
