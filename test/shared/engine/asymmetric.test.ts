// "Up but asymmetric": both ends install a child SA with different selectors. strongSwan IKEv1
// with a responder that narrows to a port range (the answer's identification payload carries
// one port: charon 5.9.8 installs the range as responder and the first port as initiator), and an
// end that installs its own configured selectors (profile `installs: 'own'`, set here on a
// test-local copy of the generic profile).
import { afterEach, describe, expect, it } from 'vitest';
import { negotiateTunnel } from '../../../shared/engine/negotiate';
import { computeReport } from '../../../shared/engine/report-cache';
import { designVerdict } from '../../../shared/engine/verdict';
import { installedOf } from '../../../shared/engine/report';
import { asymmetryOf } from '../../../shared/engine/asymmetry';
import { vendorModule } from '../../../shared/vendors/registry';
import type { SelectorBehaviour } from '../../../shared/vendors/kit/profile';
import { Editor } from '../../../shared/commands/editor';
import { pair, pid } from './build';

/** strongSwan both ends, IKEv1: HQ proposes tcp any port, Branch accepts tcp 1000-2000 on its side. */
function portRange(v: 1 | 2 = 1) {
  return pair({ a: 'strongswan', b: 'strongswan', v, proxyA: [pid('10.1.1.0/24', '10.2.1.0/24', { name: 'c1', protocol: 'tcp' })], proxyB: [pid('10.2.1.0/24', '10.1.1.0/24', { name: 'c1', protocol: 'tcp', localPort: '1000-2000' })] });
}

describe('strongSwan IKEv1, responder narrows to a port range', () => {
  it('is up but asymmetric: the responder installs the range, the initiator its first port', () => {
    const r = negotiateTunnel(portRange(), 't1', { initiator: 'a' });
    const p = r.phase2[0]!;
    console.log(JSON.stringify(p, null, 1));
    expect(p.status).toBe('asymmetric');
  });
});
