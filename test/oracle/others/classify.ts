// Which known engine rule explains a disagreement (known-disagreements.ts CLASSES), read from the
// run's configuration, its differences and the daemons' log lines. Used by baseline.ts to propose
// the classes of new disagreements; the table in known-disagreement-runs.ts is what the suite
// checks. A run no rule explains comes back with no class: read its logs.
import type { DriverObserved, EvidenceSide, OtherComparable } from '../harness/rig-output';
import type { DisagreementClassId } from './known-disagreements';
import type { OtherScenario } from './scenarios';

export interface ClassifiedRun {
  scenario: OtherScenario;
  real: OtherComparable;
  engine: OtherComparable;
  diffs: string[];
  observed: DriverObserved | null;
  evidence?: { initiator: EvidenceSide; responder: EvidenceSide };
}

const AEAD = /gcm|ccm|chacha/;

export function classify(r: ClassifiedRun): DisagreementClassId[] {
  const s = r.scenario;
  const c = s.case;
  const out = new Set<DisagreementClassId>();
  const realNotifies = new Set([...r.real.notifies_received_by_initiator, ...r.real.notifies_sent_by_responder]);
  const engineNotifies = new Set([...r.engine.notifies_received_by_initiator, ...r.engine.notifies_sent_by_responder]);
  if (s.daemon === 'pluto') {
    const atResponder = s.placement !== 'initiator';
    if (c.version === 2 && s.narrowing === 'yes' && atResponder && c.initiate.length > 1 && r.diffs.some((d) => /_ts: real/.test(d))) {
      // Several children on one IKE SA: a later one answered with an earlier one's narrowed subnets.
      out.add('libreswan-v2-narrowing-instances');
    }
    return [...out];
  }
  // iked
  const esp = [...c.initiator.children, ...c.responder.children].map((ch) => ch.esp);
  // AES-GCM that the engine negotiates and iked cannot (a genuine ESP mismatch is another matter).
  if (realNotifies.has('NO_PROPOSAL_CHOSEN') && !engineNotifies.has('NO_PROPOSAL_CHOSEN') && esp.some((e) => e.split(',').every((p) => p.split('-').some((t) => AEAD.test(t))))) out.add('iked-linux-no-aead-esp');
  if (r.engine.notifies_sent_by_responder.includes('AUTHENTICATION_FAILED') && r.real.notifies_sent_by_responder.includes('NO_PROPOSAL_CHOSEN')) out.add('iked-proposal-before-auth');
  return [...out];
}
