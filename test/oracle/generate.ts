// Seeded random interop scenarios: IPv4 and IPv6 selectors as prefixes, hosts and ranges, with
// and without protocol/ports, one to three children, the responder's view derived from the
// initiator's by the mistakes engineers make (narrower, wider, shifted, reversed, other port),
// proposal, DH/PFS and PSK mismatches, IKEv1 and IKEv2. Same seed, same case.
import { formatIp } from '../../shared/net/address';
import type { Family } from '../../shared/net/address';
import type { OracleCase, OracleChild } from './harness/types';

/** Seeds run in CI: fixed so the suite is reproducible. ORACLE_RANDOM adds more (see seedList). */
export const CI_SEEDS: readonly number[] = Array.from({ length: 40 }, (_, i) => i + 1);

/** CI seeds, plus ORACLE_RANDOM=N more (seeds 1001…), or exactly ORACLE_SEEDS=3,17,42. */
export function seedList(env: NodeJS.ProcessEnv = process.env): number[] {
  const only = env['ORACLE_SEEDS'];
  if (only) return only.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n));
  const extra = Math.max(0, Number(env['ORACLE_RANDOM'] ?? '0') || 0);
  return [...CI_SEEDS, ...Array.from({ length: extra }, (_, i) => 1001 + i)];
}

/** mulberry32: small, fast, good enough for test scenarios. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  bigint(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    let v = 0n;
    for (let i = 0; i < 4; i++) v = (v << 32n) | BigInt(Math.floor(this.next() * 4294967296));
    return min + (v % span);
  }
}

interface Block {
  family: Family;
  from: bigint;
  to: bigint;
}

interface Sel {
  block: Block;
  proto?: 'tcp' | 'udp';
  port?: string;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

/** Site pools: A (initiator side) and B (responder side), plus a third for unrelated networks. */
function pool(family: Family, site: 1 | 2 | 3): Block {
  if (family === 4) {
    const base = (10n << 24n) | (BigInt(site) << 16n);
    return { family, from: base, to: base | 0xffffn };
  }
  const base = (0xfd00n << 112n) | (BigInt(site) << 96n);
  return { family, from: base, to: base | ((1n << 80n) - 1n) };
}

const lenOf = (b: Block): number => BITS[b.family] - (b.to - b.from + 1n).toString(2).length + 1;

function isPrefix(b: Block): boolean {
  const size = b.to - b.from + 1n;
  return (size & (size - 1n)) === 0n && (b.from & (size - 1n)) === 0n;
}

/** A random aligned prefix inside `outer`, at most `extra` bits longer. */
function subPrefix(r: Rng, outer: Block, minExtra: number, maxExtra: number): Block {
  const outerLen = isPrefix(outer) ? lenOf(outer) : BITS[outer.family];
  const maxLen = outer.family === 4 ? 30 : 120;
  const len = Math.min(maxLen, outerLen + r.int(minExtra, maxExtra));
  if (len <= outerLen) return outer;
  const size = 1n << BigInt(BITS[outer.family] - len);
  const count = (outer.to - outer.from + 1n) / size;
  const from = outer.from + r.bigint(0n, count - 1n) * size;
  return { family: outer.family, from, to: from + size - 1n };
}

/** A range (not a prefix) inside `outer`. */
function subRange(r: Rng, outer: Block): Block {
  const span = outer.to - outer.from;
  if (span < 8n) return outer;
  const width = span > 4096n ? 4096n : span;
  const a = outer.from + r.bigint(0n, span - width);
  const lo = a + r.bigint(1n, width / 4n + 1n);
  const hi = lo + r.bigint(2n, width / 2n + 2n);
  return { family: outer.family, from: lo, to: hi > outer.to ? outer.to : hi };
}

function randomBlock(r: Rng, family: Family, site: 1 | 2 | 3): Block {
  const p = pool(family, site);
  const roll = r.next();
  if (roll < 0.12) return subRange(r, p);
  if (roll < 0.2) {
    const host = r.bigint(p.from + 1n, p.to - 1n);
    return { family, from: host, to: host };
  }
  return subPrefix(r, p, 0, family === 4 ? 12 : 16);
}

const PORTS = ['22', '80', '443', '500', '4500', '1000-2000', '1500-3000', '8080'];

function randomProtoPort(r: Rng): Pick<Sel, 'proto' | 'port'> {
  if (r.chance(0.7)) return {};
  const proto = r.pick(['tcp', 'udp'] as const);
  return r.chance(0.4) ? { proto } : { proto, port: r.pick(PORTS) };
}

/** The prefix `bits` shorter than `b` that contains it, never wider than `limit`. */
function supernet(b: Block, bits: number, limit: Block): Block {
  const len = Math.max(isPrefix(b) ? lenOf(b) - bits : lenOf(limit), lenOf(limit));
  const size = 1n << BigInt(BITS[b.family] - len);
  const from = b.from - (b.from % size);
  const wide = { family: b.family, from, to: from + size - 1n };
  return wide.from <= b.from && wide.to >= b.to ? wide : limit;
}

function formatBlock(b: Block): string {
  if (isPrefix(b)) return `${formatIp(b.family, b.from)}/${lenOf(b)}`;
  if (b.from === b.to) return `${formatIp(b.family, b.from)}/${BITS[b.family]}`;
  return `${formatIp(b.family, b.from)}-${formatIp(b.family, b.to)}`;
}

function formatSel(s: Sel): string {
  const addr = formatBlock(s.block);
  if (!s.proto) return addr;
  return s.port ? `${addr}[${s.proto}/${s.port}]` : `${addr}[${s.proto}]`;
}

const ANY: Record<Family, Block> = { 4: { family: 4, from: 0n, to: (1n << 32n) - 1n }, 6: { family: 6, from: 0n, to: (1n << 128n) - 1n } };

/** The responder's view of one selector the initiator configured, with an engineer's variation. */
function variant(r: Rng, s: Sel, site: 1 | 2): Sel {
  const roll = r.next();
  let block = s.block;
  if (roll < 0.45) {
    // the same
  } else if (roll < 0.6) {
    block = isPrefix(block) && lenOf(block) < (block.family === 4 ? 30 : 120) ? subPrefix(r, block, 1, 4) : subRange(r, block);
  } else if (roll < 0.72) {
    block = supernet(block, r.int(1, 6), pool(block.family, site));
  } else if (roll < 0.82) {
    block = randomBlock(r, block.family, site);
  } else if (roll < 0.9) {
    // A partial overlap: the same width, shifted by part of it. Not for 0.0.0.0/0 or ::/0,
    // whose shift would start in multicast space, which no host can own on lo.
    if (block.from === ANY[block.family].from && block.to === ANY[block.family].to) return { block, ...(s.proto ? { proto: s.proto } : {}), ...(s.port ? { port: s.port } : {}) };
    const width = block.to - block.from + 1n;
    const shift = width > 1n ? r.bigint(1n, width - 1n) : 1n;
    const max = ANY[block.family].to;
    block = { family: block.family, from: block.from + shift, to: block.to + shift > max ? max : block.to + shift };
  } else if (roll < 0.95) {
    block = ANY[block.family];
  } else {
    block = randomBlock(r, block.family, 3);
  }
  const out: Sel = { block };
  if (r.chance(0.75)) {
    if (s.proto) out.proto = s.proto;
    if (s.port) out.port = s.port;
  } else {
    Object.assign(out, randomProtoPort(r));
  }
  return out;
}

const IKE_ENC = ['aes128', 'aes256'];
const IKE_INTEG = ['sha256', 'sha384', 'sha1'];
const DH = ['modp2048', 'modp3072', 'ecp256', 'ecp384'];
const ESP = ['aes128-sha256', 'aes256-sha256', 'aes128-sha1', 'aes128gcm16', 'aes256gcm16'];

function ikeProposal(r: Rng): { enc: string; integ: string; dh: string } {
  return { enc: r.pick(IKE_ENC), integ: r.pick(IKE_INTEG), dh: r.pick(DH) };
}

/** One random interop case (without `observed`). */
export function generateCase(seed: number): OracleCase {
  const r = new Rng(seed);
  const version: 1 | 2 = r.chance(0.5) ? 1 : 2;
  const family: Family = r.chance(0.2) ? 6 : 4;

  // Phase 1: mostly agreeing; sometimes a different cipher or DH group, or two DH groups on the
  // initiator where the responder takes the second (IKEv2 INVALID_KE_PAYLOAD, then success).
  const ikeA = ikeProposal(r);
  const ikeB = { ...ikeA };
  let ikeAText = `${ikeA.enc}-${ikeA.integ}-${ikeA.dh}`;
  const p1 = r.next();
  if (p1 < 0.08) ikeB.enc = ikeA.enc === 'aes128' ? 'aes256' : 'aes128';
  else if (p1 < 0.14) ikeB.dh = r.pick(DH.filter((d) => d !== ikeA.dh));
  else if (p1 < 0.22) {
    ikeB.dh = r.pick(DH.filter((d) => d !== ikeA.dh));
    ikeAText = `${ikeA.enc}-${ikeA.integ}-${ikeA.dh}-${ikeB.dh}`;
  }
  const ikeBText = `${ikeB.enc}-${ikeB.integ}-${ikeB.dh}`;
  const pskB = r.chance(0.06) ? 'other-secret' : 'shared-secret';

  const childCount = r.chance(0.6) ? 1 : r.int(2, 3);
  // Mostly one ESP proposal for every child (as a one-profile-per-tunnel product has);
  // sometimes a different one per child, which strongSwan allows.
  const caseEsp = r.pick(ESP);
  const caseHasPfs = r.chance(0.25);
  const casePfs = caseHasPfs ? `-${r.pick(DH)}` : '';
  const perChildEsp = r.chance(0.25);
  const initiatorChildren: OracleChild[] = [];
  const responderChildren: OracleChild[] = [];
  for (let i = 0; i < childCount; i++) {
    const localCount = r.chance(0.8) ? 1 : 2;
    const locals: Sel[] = Array.from({ length: localCount }, () => ({ block: randomBlock(r, family, 1), ...randomProtoPort(r) }));
    const remotes: Sel[] = [{ block: randomBlock(r, family, 2), ...randomProtoPort(r) }];
    if (r.chance(0.1)) {
      locals.splice(0, locals.length, { block: ANY[family] });
      remotes.splice(0, remotes.length, { block: ANY[family] });
    }
    const esp = perChildEsp ? r.pick(ESP) : caseEsp;
    const pfs = perChildEsp ? (r.chance(0.25) ? `-${r.pick(DH)}` : '') : casePfs;
    initiatorChildren.push({ name: `c${i + 1}`, local_ts: locals.map(formatSel), remote_ts: remotes.map(formatSel), esp: `${esp}${pfs}` });

    // The responder's child: its local is the initiator's remote, varied, and vice versa.
    let rLocal = remotes.map((s) => variant(r, s, 2));
    let rRemote = locals.map((s) => variant(r, s, 1));
    if (r.chance(0.06)) [rLocal, rRemote] = [rRemote, rLocal];
    const e2 = r.next();
    const rEsp = e2 < 0.1 ? r.pick(ESP.filter((e) => e !== esp)) : esp;
    const rPfs = e2 > 0.9 ? (pfs ? '' : `-${r.pick(DH)}`) : pfs;
    responderChildren.push({ name: `r${i + 1}`, local_ts: rLocal.map(formatSel), remote_ts: rRemote.map(formatSel), esp: `${rEsp}${rPfs}` });
  }
  if (r.chance(0.15)) {
    // A responder config for unrelated networks, which must not be chosen.
    responderChildren.push({ name: 'decoy', local_ts: [formatSel({ block: randomBlock(r, family, 3) })], remote_ts: [formatSel({ block: randomBlock(r, family, 3) })], esp: `${caseEsp}${casePfs}` });
  }
  // The responder's configs in a random order; children initiated in a random order.
  for (let i = responderChildren.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [responderChildren[i], responderChildren[j]] = [responderChildren[j] as OracleChild, responderChildren[i] as OracleChild];
  }
  const initiate = initiatorChildren.map((c) => c.name);
  for (let i = initiate.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [initiate[i], initiate[j]] = [initiate[j] as string, initiate[i] as string];
  }
  const c: OracleCase = {
    id: `gen-${seed}`,
    version,
    initiator: { ike: ikeAText, psk: 'shared-secret', children: initiatorChildren },
    responder: { ike: ikeBText, psk: pskB, children: responderChildren },
    initiate,
  };
  addExtras(c, seed);
  return c;
}

/**
 * Rarer variations, drawn from a second stream so that adding them left the cases of the
 * first stream as they were: several algorithms in one proposal, two PFS groups, ICMP and GRE
 * selectors, dual-stack children, a second remote selector.
 */
function addExtras(c: OracleCase, seed: number): void {
  const x = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const counterpart = (name: string): OracleChild | undefined => c.responder.children.find((ch) => ch.name === `r${name.slice(1)}`);
  if (x.chance(0.12)) {
    // IKE proposal with two ciphers, the responder's possibly in the other order.
    const add = (ike: string, first: boolean): string => {
      const [enc, ...rest] = ike.split('-');
      const other = enc === 'aes128' ? 'aes256' : 'aes128';
      return [first ? other : enc, first ? enc : other, ...rest].join('-');
    };
    c.initiator.ike = add(c.initiator.ike, false);
    if (x.chance(0.5)) c.responder.ike = add(c.responder.ike, true);
  }
  if (x.chance(0.12)) {
    // A second integrity algorithm in every non-AEAD ESP proposal of one side.
    const side = x.chance(0.5) ? c.initiator : c.responder;
    for (const ch of side.children) {
      if (!ch.esp.includes('gcm')) ch.esp = ch.esp.replace(/-(sha256|sha1)(?=-|$)/, (_m, integ: string) => `-${integ}-${integ === 'sha1' ? 'sha256' : 'sha1'}`);
    }
  }
  const first = c.initiator.children[0];
  if (first && x.chance(0.1)) {
    // Two PFS groups on the initiator's first child; its counterpart takes only the second.
    const groups = ['modp2048', 'ecp256'];
    const base = first.esp.replace(/-(modp\d+|ecp\d+)$/, '');
    first.esp = `${base}-${groups.join('-')}`;
    const peer = counterpart(first.name);
    if (peer) peer.esp = `${peer.esp.replace(/-(modp\d+|ecp\d+)$/, '')}-${groups[1]}`;
  }
  const pick = c.initiator.children[x.int(0, c.initiator.children.length - 1)];
  if (pick && x.chance(0.1)) {
    // ICMP or GRE only, on the initiator's local selectors and the counterpart's remote ones.
    const proto = x.pick(['icmp', 'gre']);
    const setProto = (ts: string): string => `${ts.replace(/\[.*\]$/, '')}[${proto}]`;
    pick.local_ts = pick.local_ts.map(setProto);
    const peer = counterpart(pick.name);
    if (peer && x.chance(0.8)) peer.remote_ts = peer.remote_ts.map(setProto);
  }
  const dual = c.initiator.children[x.int(0, c.initiator.children.length - 1)];
  if (dual && x.chance(0.06)) {
    // Dual stack: selectors of the other family in the same child, on one or both lists.
    const other: Family = dual.local_ts[0]?.includes(':') ? 4 : 6;
    const local = formatSel({ block: randomBlock(x, other, 1) });
    const remote = formatSel({ block: randomBlock(x, other, 2) });
    dual.local_ts.push(local);
    if (x.chance(0.6)) dual.remote_ts.push(remote);
    const peer = counterpart(dual.name);
    if (peer && x.chance(0.7)) {
      peer.remote_ts.push(local);
      if (x.chance(0.6)) peer.local_ts.push(remote);
    }
  }
  const widen = c.initiator.children[x.int(0, c.initiator.children.length - 1)];
  if (widen && x.chance(0.12)) {
    // A second remote network, which the responder may or may not have.
    const family: Family = widen.remote_ts[0]?.includes(':') ? 6 : 4;
    const extra = formatSel({ block: randomBlock(x, family, 2) });
    widen.remote_ts.push(extra);
    const peer = counterpart(widen.name);
    if (peer && x.chance(0.6)) peer.local_ts.push(extra);
  }
}
