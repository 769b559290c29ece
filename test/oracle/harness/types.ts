// Shapes the oracle harness speaks. They mirror the interop case format of
// test/fixtures/interop/README.md, so a case recorded by hand, a generated case and the engine's
// prediction can be compared field by field.
import type { IkeSa } from './list-sas';

/** One child (phase-2 config) of one side, in strongSwan notation. */
export interface OracleChild {
  name: string;
  /** `10.1.0.0/24`, `10.1.0.5-10.1.0.20`, `10.1.0.0/24[tcp/443]`, `fd00::/64[udp/1000-2000]`. */
  local_ts: string[];
  remote_ts: string[];
  /** swanctl ESP proposal; a DH group in it means PFS. */
  esp: string;
}

export interface OracleSide {
  /** swanctl IKE proposal, e.g. `aes128-sha256-modp2048`. */
  ike: string;
  psk: string;
  children: OracleChild[];
}

/** An interop case: side A (`initiator`) initiates `initiate` in order over one IKE SA. */
export interface OracleCase {
  id: string;
  version: 1 | 2;
  initiator: OracleSide;
  responder: OracleSide;
  initiate: string[];
}

export interface ObservedChild {
  status: 'up' | 'down';
  /** Selectors installed on the initiator, as `swanctl --list-sas` prints them (ports numeric). */
  initiator_local_ts?: string[];
  initiator_remote_ts?: string[];
  /** Name of the responder child config that was chosen. */
  responder_config?: string;
}

/** What real charon did: the `observed` block of an interop case. */
export interface OracleObserved {
  daemon: string;
  ike: 'up' | 'down';
  children: Record<string, ObservedChild>;
  /** Error notifies (types below 16384), full names, de-duplicated, in order of first appearance. */
  notifies_received_by_initiator: string[];
  notifies_sent_by_responder: string[];
  /** Kernel/SAD install failures, prefixed by the side (`initiator: …`); non-empty means the harness, not the peers, decided the outcome. */
  install_errors: string[];
  load_error: string | null;
  /**
   * Log lines showing that this machine cannot observe the outcome (transport mode, AH, AES-GMAC
   * with kernel-libipsec). Non-empty means the children's status is not a negotiation result.
   */
  not_observable: string[];
  /** Wall time of the whole run, namespaces to teardown. */
  duration_ms: number;
  /** Both charon file logs, when the request asked for them (`withLogs`). */
  logs?: { initiator: string; responder: string };
  /** What the request's `then` returned. */
  then?: unknown;
}

/** A pair of swanctl configurations run against each other. */
export interface SwanctlPairRequest {
  /** Label used in namespace, directory and error names (letters, digits, `-`, `_`). */
  label?: string;
  /** swanctl.conf of side A; its IKE address is 192.0.2.1 and the peer's 192.0.2.2. */
  initiatorConf: string;
  /** swanctl.conf of side B; its IKE address is 192.0.2.2. */
  responderConf: string;
  /** Children of side A to initiate, in order (`swanctl --initiate --child NAME`). */
  initiate: string[];
  /**
   * Addresses to own on `lo` per side (kernel-libipsec refuses to install a child SA unless the
   * host owns an address inside its local selector). Default: the first address of every
   * `local_ts` of that side and every `remote_ts` of the peer, read from the two configurations.
   */
  loAddresses?: { initiator: string[]; responder: string[] };
  /** Whole-run limit; everything is torn down when it expires. Default 40 s. */
  timeoutMs?: number;
  /** Keep the work directory (configs, logs) for inspection instead of deleting it. */
  keepFiles?: boolean;
  /** Return both daemons' file logs in `logs` (for probes that quote the lines behind a decision). */
  withLogs?: boolean;
  /** Further strongswan.conf `charon { }` settings per side (`name = value` lines). */
  charonSettings?: { initiator?: string[]; responder?: string[] };
  /**
   * Run after the children were initiated and observed, with both daemons still up: to change a
   * side's configuration and run swanctl against it as an engineer would. What it returns is
   * the result's `then`.
   */
  then?: (ctl: PairControl) => Promise<unknown>;
}

/** What `then` may do with the running pair. */
export interface PairControl {
  /** Replaces a side's swanctl.conf (the file `--load-all` reads). */
  writeConf(side: 'initiator' | 'responder', conf: string): void;
  /** Runs swanctl with these arguments against a side's daemon; `--load-all` reads the side's file. */
  swanctl(side: 'initiator' | 'responder', args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  listSas(side: 'initiator' | 'responder'): Promise<IkeSa[]>;
}

export type OracleErrorCode =
  | 'UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'SETUP_FAILED'
  | 'CHARON_START_FAILED'
  | 'TIMEOUT'
  /** An ike-rigs driver (real pluto or iked) failed or printed no result: not a negotiation outcome. */
  | 'RIG_FAILED';

/** A failure of the harness itself (never a negotiation outcome, which is an `OracleObserved`). */
export class OracleError extends Error {
  constructor(
    readonly code: OracleErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'OracleError';
  }
}
