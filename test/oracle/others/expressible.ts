// Whether a case can be written in a daemon's configuration the way the ike-rigs drivers write it
// (their `unsupported` rules, restated so that scenario selection is known before anything runs;
// the suite checks that a driver never answers `unsupported` to a case this accepts):
// - Libreswan 4.10 (one conn per child): one selector per end, CIDR subnets, a single port or
//   all, the same protocol on both ends or none;
//   one algorithm of each kind per proposal (the driver joins several with `+`, which pluto 4.10
//   refuses: "IKE encryption algorithm 'aes128+aes256' is not recognized"), no PFS group after an
//   AEAD ESP cipher (the driver writes `aes_gcm_16_128-modp2048`, which pluto reads as integrity
//   'modp2048'), and over IKEv1 no elliptic-curve PFS group (pluto 4.10 refuses to load it: "ESP
//   DH algorithm 'dh19' is not supported by IKEv1");
// - OpenIKED 7.2 (one policy per child, flows local × remote): IKEv2 only, prefixes, a single port
//   or all, one protocol for all selectors of a child, ports only with tcp/udp, one address family
//   per policy (`iked -n`: "cannot mix different address families"); as initiator one DH group
//   per IKE proposal (after INVALID_KE_PAYLOAD iked re-initiates 2 s later, when the driver has
//   stopped reading: harness/rigs.ts notObservable).
import { parseSelector } from '../harness/selector';
import type { ParsedSelector } from '../harness/selector';
import type { OtherDaemon, RigPlacement } from '../harness/rigs';
import type { OracleCase, OracleChild } from '../harness/types';

function isPrefix(s: ParsedSelector): boolean {
  const size = s.range.to - s.range.from + 1n;
  return (size & (size - 1n)) === 0n && (s.range.from & (size - 1n)) === 0n;
}

const singlePortOrAll = (s: ParsedSelector): boolean => s.port === undefined || /^\d+$/.test(s.port);

function parsedAll(texts: readonly string[]): ParsedSelector[] | undefined {
  const out: ParsedSelector[] = [];
  for (const t of texts) {
    const p = parseSelector(t);
    if (!p) return undefined;
    out.push(p);
  }
  return out;
}

/** Why a child cannot be written for the daemon, or undefined when it can. */
export function childProblem(ch: OracleChild, daemon: OtherDaemon): string | undefined {
  const local = parsedAll(ch.local_ts);
  const remote = parsedAll(ch.remote_ts);
  if (!local || !remote || local.length === 0 || remote.length === 0) return `child ${ch.name}: a selector is not a plain address selector`;
  const all = [...local, ...remote];
  if (all.some((s) => !isPrefix(s))) return `child ${ch.name}: an address range that is not a prefix`;
  if (all.some((s) => !singlePortOrAll(s))) return `child ${ch.name}: a port range`;
  if (daemon === 'pluto') {
    if (local.length !== 1 || remote.length !== 1) return `child ${ch.name}: Libreswan 4.10 has one selector per end of a connection`;
    const [l, r] = [local[0] as ParsedSelector, remote[0] as ParsedSelector];
    if ((l.proto ?? '') !== (r.proto ?? '')) return `child ${ch.name}: a protocol on one end only, or different ones`;
    return undefined;
  }
  if (new Set(all.map((s) => s.range.family)).size > 1) return `child ${ch.name}: iked cannot mix address families in one policy`;
  const protos = new Set(all.map((s) => s.proto ?? ''));
  if (protos.size > 1) return `child ${ch.name}: iked applies one protocol to every flow of a policy`;
  const proto = [...protos][0] ?? '';
  if (proto !== 'tcp' && proto !== 'udp' && all.some((s) => s.port !== undefined)) return `child ${ch.name}: ports only with tcp or udp`;
  return undefined;
}

const AEAD = /gcm|ccm|chacha20poly1305/;
const DH_TOKEN = /^(modp\d+|ecp\d+|curve25519|x25519|curve448|x448)$/;
const ECP_TOKEN = /^(ecp\d+|curve25519|x25519|curve448|x448)$/;
const INTEG_TOKEN = /^(md5|sha1|sha256|sha384|sha512|aesxcbc)$/;

/** Why the pluto driver cannot write a swanctl proposal list for Libreswan, or undefined. */
function plutoProposalProblem(text: string, kind: 'ike' | 'esp', version: 1 | 2): string | undefined {
  for (const proposal of text.split(',')) {
    const tokens = proposal.split('-');
    const dh = tokens.filter((t) => DH_TOKEN.test(t));
    const integ = tokens.filter((t) => INTEG_TOKEN.test(t));
    const enc = tokens.filter((t) => !DH_TOKEN.test(t) && !INTEG_TOKEN.test(t));
    if (enc.length > 1 || integ.length > 1 || dh.length > 1) return `${kind} proposal ${proposal}: several algorithms of one kind`;
    if (kind === 'esp' && dh.length > 0 && enc.some((e) => AEAD.test(e))) return `esp proposal ${proposal}: a PFS group after an AEAD cipher`;
    if (kind === 'esp' && version === 1 && dh.some((d) => ECP_TOKEN.test(d))) return `esp proposal ${proposal}: Libreswan 4.10 has no elliptic-curve PFS group over IKEv1`;
  }
  return undefined;
}

/** Why the case cannot run with the daemon at `placement`, or undefined when it can. */
export function caseProblem(c: OracleCase, daemon: OtherDaemon, placement: RigPlacement): string | undefined {
  if (daemon === 'iked' && c.version !== 2) return 'iked implements IKEv2 only';
  if (daemon === 'iked' && placement !== 'responder' && c.initiator.ike.split(',').some((p) => p.split('-').filter((t) => DH_TOKEN.test(t)).length > 1)) return 'iked as initiator with several IKE DH groups: its retry after INVALID_KE_PAYLOAD is not observed';
  const sides = placement === 'both' ? [c.initiator, c.responder] : [c[placement]];
  for (const side of sides) {
    if (daemon === 'pluto') {
      const problem = plutoProposalProblem(side.ike, 'ike', c.version);
      if (problem) return problem;
    }
    for (const ch of side.children) {
      const problem = childProblem(ch, daemon) ?? (daemon === 'pluto' ? plutoProposalProblem(ch.esp, 'esp', c.version) : undefined);
      if (problem) return problem;
    }
  }
  return undefined;
}
