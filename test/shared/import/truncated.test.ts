// A configuration cut off (a paste that stopped short, a file copied half-way) is refused whole,
// with a message that says so, for every format that shows where it ends: the XML of PAN-OS, the
// hierarchical Junos form, FortiGate's config/end blocks, swanctl.conf's sections, and the
// running-configs of the ASA (": end") and IOS-XE ("end"). Formats of flat lines (set commands,
// ipsec.conf, iked.conf) end anywhere: a cut line is reported as not understood, with its number.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConfigurations } from '../../../shared/import/import';

const DOCS = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'import', 'docs');
/** Each file with what closes it last: the cut falls just before it, and half-way. */
const CUT_OFF: [string, string, RegExp][] = [
  ['panos/two-vsys.xml', '</config>', /looks like a Palo Alto Networks PAN-OS configuration, but it cannot be read: the XML ends before its elements are closed(?: \(line \d+\))?: the file looks cut off/],
  ['junos-srx/policy-based-srx2.hierarchical.txt', '}', /looks like a Juniper Junos SRX configuration, but it cannot be read: the file ends inside \d+ blocks? not closed/],
  ['fortigate/hq1-route-based.conf', 'end', /looks like a Fortinet FortiGate configuration, but it cannot be read: "config [^"]+" is not closed with end/],
  ['strongswan/moon.swanctl.conf', '}', /looks like a strongSwan configuration, but it cannot be read: a section is not closed/],
  ['cisco-asa/l2l-objects-nat-dynamic.asa.txt', ': end', /looks like a Cisco ASA configuration, but it cannot be read: the running-config does not end with ": end": the file looks cut off/],
  ['cisco-ios/ikev2-profile-keyring-vti.ios.txt', '\nend', /looks like a Cisco IOS-XE configuration, but it cannot be read: the running-config does not end with "end": the file looks cut off/],
];

describe('a configuration cut off is refused whole, saying so', () => {
  for (const [file, closing, message] of CUT_OFF) {
    it(file, () => {
      const whole = readFileSync(path.join(DOCS, file), 'utf8');
      expect(importConfigurations([{ name: 'pasted.txt', content: whole }]).ok).toBe(true);
      expect(whole.lastIndexOf(closing)).toBeGreaterThan(0);
      for (const end of [whole.lastIndexOf(closing), Math.floor(whole.length * 0.6)]) {
        const r = importConfigurations([{ name: 'pasted.txt', content: whole.slice(0, end) }]);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.code).toBe('UNREADABLE');
          expect(r.message).toMatch(message);
          expect(r.message.startsWith('pasted.txt ')).toBe(true);
        }
      }
    });
  }

  it('a set-command file cut mid-line reports the cut line as not understood, with its number', () => {
    const whole = readFileSync(path.join(DOCS, 'panos/branch-set.txt'), 'utf8');
    const lines = whole.split('\n');
    const at = lines.findIndex((l) => l.startsWith('set network ike gateway'));
    // Cut inside a keyword: "set network ike g".
    const cut = [...lines.slice(0, at), (lines[at] as string).slice(0, 'set network ike g'.length)].join('\n');
    const r = importConfigurations([{ name: 'pasted.txt', content: cut }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.files[0]?.lines.unknown.map((u) => u.line)).toContain(at + 1);
  });
});
