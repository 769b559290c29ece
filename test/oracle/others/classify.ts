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
  const childDiffs = (status: string) => Object.entries(r.real.children).filter(([name, ch]) => ch.status === status && r.engine.children[name]?.status !== status);
  const realNotifies = new Set([...r.real.notifies_received_by_initiator, ...r.real.notifies_sent_by_responder]);
  const engineNotifies = new Set([...r.engine.notifies_received_by_initiator, ...r.engine.notifies_sent_by_responder]);
  if (s.daemon === 'pluto') {
    const atResponder = s.placement !== 'initiator';
    const atInitiator = s.placement !== 'responder';
    if (c.version === 1) {
      if (atInitiator && childDiffs('inconsistent').length > 0) out.add('libreswan-v1-initiator-installs-own');
    } else if (s.narrowing === 'yes' && atResponder && c.initiate.length > 1 && r.diffs.some((d) => /_ts: real/.test(d))) {
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
  if (Object.values(r.engine.children).some((ch) => ch.status === 'split')) out.add('iked-all-flows-one-child');
  // A multi-flow policy on the iked end whose child disagrees: the engine made one SA per flow.
  const ikedSide = s.placement === 'responder' ? c.responder : c.initiator;
  const multiFlow = new Set(ikedSide.children.filter((ch) => ch.local_ts.length * ch.remote_ts.length > 1).map((ch) => ch.name));
  if (s.placement !== 'responder' && [...multiFlow].some((name) => r.diffs.some((d) => d.startsWith(`child ${name} `)))) out.add('iked-all-flows-one-child');
  const selectorDiff = r.diffs.some((d) => /_ts: real/.test(d) || /status: real inconsistent/.test(d));
  if (s.placement !== 'initiator') {
    if (selectorDiff || (engineNotifies.has('TS_UNACCEPTABLE') && !realNotifies.has('TS_UNACCEPTABLE'))) out.add('iked-responder-ignores-ts');
    if (r.diffs.some((d) => /status: real down, engine up/.test(d)) && !realNotifies.has('NO_PROPOSAL_CHOSEN') && !realNotifies.has('TS_UNACCEPTABLE')) out.add('iked-responder-ignores-ts');
  }
  if (s.placement !== 'responder') {
    const inconsistent = Object.entries(r.real.children).filter(([, ch]) => ch.status === 'inconsistent');
    // The initiator's own side differs from what the engine has it install.
    // iked installs its own flows whatever charon answered: every inconsistent child shows it.
    if (inconsistent.length > 0) out.add('iked-initiator-installs-own');
    if (s.placement === 'both' && inconsistent.length > 0) out.add('iked-responder-ignores-ts');
  }
  return [...out];
}
