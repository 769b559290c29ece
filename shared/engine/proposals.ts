// Proposal intersection for phase 1 (IKE) and phase 2 (ESP, PFS). A proposal matches when one
// transform of each type is common; the responder's order wins where its profile says so
// (strongSwan prefers its configured proposals). When nothing matches, the attribute at fault is
// the first transform type with no common value across all proposal pairs.
import type { EspProposal, IkeProposal } from '../model/document';
import type { ProposalAttribute } from './report';

const AEAD = new Set(['aes128gcm16', 'aes256gcm16', 'chacha20poly1305']);

export function isAead(encryption: string): boolean {
  return AEAD.has(encryption);
}

interface Common {
  encryption: string;
  integrity: string;
}

function list<T>(v: readonly T[] | undefined): readonly T[] {
  return Array.isArray(v) ? v : [];
}

/** First common (encryption, integrity) in `pref` order, AEAD needing no integrity. */
function commonCipher(pref: { encryption: readonly string[]; integrity: readonly string[] }, other: { encryption: readonly string[]; integrity: readonly string[] }): Common | undefined {
  for (const enc of list(pref.encryption)) {
    if (!list(other.encryption).includes(enc)) continue;
    if (isAead(enc)) return { encryption: enc, integrity: 'none' };
    for (const integ of list(pref.integrity)) {
      if (integ !== 'none' && list(other.integrity).includes(integ)) return { encryption: enc, integrity: integ };
    }
  }
  return undefined;
}

export type IkeMatch =
  | { ok: true; encryption: string; integrity: string; dhGroup: number; initiatorKeGroup: number }
  | { ok: false; attribute: ProposalAttribute; empty?: 'initiator' | 'responder' };

/**
 * IKE proposal selection. `initiatorKeGroup` is the group the initiator's KE payload used (its
 * first proposal's first group): when the chosen group differs, IKEv2 costs an INVALID_KE_PAYLOAD
 * round trip.
 */
export function matchIke(
  initiator: readonly IkeProposal[],
  responder: readonly IkeProposal[],
  opts: { responderOrder: boolean; keGroupByResponderOrder?: boolean; lifetime?: { initiator: number; responder: number; mustNotExceed: boolean } },
): IkeMatch {
  const ip = list(initiator);
  const rp = list(responder);
  if (ip.length === 0) return { ok: false, attribute: 'encryption', empty: 'initiator' };
  if (rp.length === 0) return { ok: false, attribute: 'encryption', empty: 'responder' };
  if (opts.lifetime?.mustNotExceed && opts.lifetime.initiator > opts.lifetime.responder) return { ok: false, attribute: 'lifetime' };
  const keGroup = list(ip[0]?.dhGroups)[0] ?? 0;
  const [first, second] = opts.responderOrder ? [rp, ip] : [ip, rp];
  for (const a of first) {
    for (const b of second) {
      const c = commonCipher(a, b);
      if (!c) continue;
      // Prefer the KE group the initiator already sent when both accept it (no extra round trip),
      // unless the responder takes the first common group in its own order (strongSwan).
      const groups = list(a.dhGroups).filter((g) => list(b.dhGroups).includes(g));
      if (groups.length === 0) continue;
      const dh = groups.includes(keGroup as never) && !(opts.responderOrder && opts.keGroupByResponderOrder) ? keGroup : (groups[0] as number);
      return { ok: true, encryption: c.encryption, integrity: c.integrity, dhGroup: dh, initiatorKeGroup: keGroup };
    }
  }
  return { ok: false, attribute: faultOf(ip, rp, true) };
}

function faultOf(ip: readonly (IkeProposal | EspProposal)[], rp: readonly (IkeProposal | EspProposal)[], withDh: boolean): ProposalAttribute {
  const encOk = ip.some((a) => rp.some((b) => list(a.encryption).some((e) => list(b.encryption).includes(e))));
  if (!encOk) return 'encryption';
  const cipherOk = ip.some((a) => rp.some((b) => commonCipher(a, b) !== undefined));
  if (!cipherOk) return 'integrity';
  if (withDh) return 'dhGroup';
  return 'pfs';
}

export type EspMatch =
  | { ok: true; encryption: string; integrity: string; pfsGroup?: number; pfs: 'agreed' | 'none' | 'mismatch' | 'deferred'; keRetryGroup?: number }
  | { ok: false; attribute: ProposalAttribute; empty?: 'initiator' | 'responder' };

/**
 * ESP proposal and PFS. `carriesKe`: false for the first IKEv2 child (IKE_AUTH strips DH groups,
 * so a PFS mismatch only shows at the first rekey).
 */
export function matchEsp(
  initiator: readonly EspProposal[],
  responder: readonly EspProposal[],
  opts: { responderOrder: boolean; carriesKe: boolean; responderAcceptsAnyPfs: boolean },
): EspMatch {
  const ip = list(initiator);
  const rp = list(responder);
  if (ip.length === 0) return { ok: false, attribute: 'encryption', empty: 'initiator' };
  if (rp.length === 0) return { ok: false, attribute: 'encryption', empty: 'responder' };
  const [first, second] = opts.responderOrder ? [rp, ip] : [ip, rp];
  let cipherOnly: (Common & { pfs: 'deferred' | 'mismatch' }) | undefined;
  for (const a of first) {
    for (const b of second) {
      const c = commonCipher(a, b);
      if (!c) continue;
      const ga = list(a.dhGroups);
      const gb = list(b.dhGroups);
      const initiatorGroups = opts.responderOrder ? gb : ga;
      const responderGroups = opts.responderOrder ? ga : gb;
      if (initiatorGroups.length === 0 && responderGroups.length === 0) return { ok: true, ...c, pfs: 'none' };
      if (responderGroups.length === 0 && opts.responderAcceptsAnyPfs) {
        return { ok: true, ...c, pfs: 'agreed', pfsGroup: initiatorGroups[0] as number };
      }
      const common = ga.filter((g) => gb.includes(g));
      if (common.length > 0) {
        const group = common[0] as number;
        if (!opts.carriesKe) return { ok: true, ...c, pfs: 'agreed', pfsGroup: group };
        const ke = initiatorGroups[0] as number;
        return { ok: true, ...c, pfs: 'agreed', pfsGroup: group, ...(ke !== group ? { keRetryGroup: group } : {}) };
      }
      cipherOnly ??= { ...c, pfs: opts.carriesKe ? 'mismatch' : 'deferred' };
    }
  }
  if (cipherOnly && cipherOnly.pfs === 'deferred') return { ok: true, encryption: cipherOnly.encryption, integrity: cipherOnly.integrity, pfs: 'deferred' };
  if (cipherOnly) return { ok: false, attribute: 'pfs' };
  return { ok: false, attribute: faultOf(ip, rp, false) };
}

const ENC_NAMES: Record<string, string> = {
  des: 'DES_CBC', '3des': '3DES_CBC', aes128: 'AES_CBC_128', aes192: 'AES_CBC_192', aes256: 'AES_CBC_256',
  aes128gcm16: 'AES_GCM_16_128', aes256gcm16: 'AES_GCM_16_256', chacha20poly1305: 'CHACHA20_POLY1305', null: 'NULL',
};
const INTEG_NAMES: Record<string, string> = { md5: 'HMAC_MD5_96', sha1: 'HMAC_SHA1_96', sha256: 'HMAC_SHA2_256_128', sha384: 'HMAC_SHA2_384_192', sha512: 'HMAC_SHA2_512_256' };
const DH_NAMES: Record<number, string> = { 1: 'MODP_768', 2: 'MODP_1024', 5: 'MODP_1536', 14: 'MODP_2048', 15: 'MODP_3072', 16: 'MODP_4096', 17: 'MODP_6144', 18: 'MODP_8192', 19: 'ECP_256', 20: 'ECP_384', 21: 'ECP_521', 24: 'MODP_2048_256', 31: 'CURVE_25519', 32: 'CURVE_448' };

/** strongSwan's way of printing a chosen proposal: `AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048`. */
export function describeIke(encryption: string, integrity: string, dh: number): string {
  const parts = [ENC_NAMES[encryption] ?? encryption];
  if (integrity !== 'none') parts.push(INTEG_NAMES[integrity] ?? integrity, `PRF_${(INTEG_NAMES[integrity] ?? integrity).replace(/_\d+$/, '').replace(/_96$/, '')}`);
  parts.push(DH_NAMES[dh] ?? `DH${dh}`);
  return parts.join('/');
}

/** An offered proposal for the timeline: every algorithm it lists, `AES_CBC_256,AES_CBC_128/HMAC_SHA2_256_128/MODP_2048,ECP_256`. */
export function describeOffer(p: { encryption: readonly string[]; integrity: readonly string[]; dhGroups: readonly number[] }): string {
  const parts = [p.encryption.map((e) => ENC_NAMES[e] ?? e).join(','), p.integrity.map((i) => INTEG_NAMES[i] ?? i).join(',')];
  if (p.dhGroups.length > 0) parts.push(p.dhGroups.map((g) => DH_NAMES[g] ?? `DH${g}`).join(','));
  return parts.join('/');
}

/** The chosen ESP proposal, as strongSwan prints it (`AES_CBC_256/HMAC_SHA2_256_128/MODP_2048` with PFS). */
export function describeEsp(encryption: string, integrity: string, pfsGroup?: number): string {
  const parts = [ENC_NAMES[encryption] ?? encryption];
  if (integrity !== 'none') parts.push(INTEG_NAMES[integrity] ?? integrity);
  if (pfsGroup !== undefined) parts.push(DH_NAMES[pfsGroup] ?? `DH${pfsGroup}`);
  return parts.join('/');
}

/**
 * strongSwan's IKEv1 SA payload: one transform per proposal, with the proposal's first cipher (for
 * IKE the first IKEv1 knows: no AEAD), first integrity and one DH group (`preferGroup` when
 * listed, else the first). Source: proposal_substructure.c set_from_proposal_v1[_ike]; observed.
 */
export function firstTransforms<T extends { encryption: readonly string[]; integrity: readonly string[]; dhGroups: readonly number[] }>(proposals: readonly T[], preferGroup?: number, ike = false): T[] {
  return proposals.map((p) => {
    const groups = p.dhGroups ?? [];
    const group = preferGroup !== undefined && groups.includes(preferGroup) ? [preferGroup] : groups.slice(0, 1);
    const ciphers = ike ? (p.encryption ?? []).filter((e) => !isAead(e)) : (p.encryption ?? []);
    return { ...p, encryption: ciphers.slice(0, 1), integrity: (p.integrity ?? []).slice(0, 1), dhGroups: group };
  });
}
