// The files each charon instance runs with: strongswan.conf (kernel-libipsec, own VICI socket,
// file log, short retransmits; see ORACLE.md) and, for interop cases, the swanctl.conf of a side.
import type { OracleCase, OracleSide } from './types';
import { OracleError } from './types';

export const INITIATOR_IP = '192.0.2.1';
export const RESPONDER_IP = '192.0.2.2';
export const IKE_PREFIX_LEN = 24;

/**
 * Plugins compiled into Debian's charon or shipped by libcharon-extra-plugins. Loaded
 * explicitly (load_modular = no) so the kernel backend is kernel-libipsec: this kernel has no
 * ESP transforms, and the netlink backend turns the failed install into a false notify.
 */
const PLUGINS = 'random nonce openssl aes sha1 sha2 hmac gmp gcm kdf pem pkcs1 x509 pubkey constraints kernel-libipsec kernel-netlink socket-default vici';

/** `extra`: further `charon { }` settings (`name = value`), e.g. i_dont_care_about_security_and_use_aggressive_mode_psk = yes. */
export function strongswanConf(dir: string, extra: readonly string[] = []): string {
  for (const line of extra) {
    if (!/^[a-z0-9_]+(?:\.[a-z0-9_]+)* = [A-Za-z0-9_.-]+$/.test(line)) throw new OracleError('BAD_REQUEST', `charon setting "${line}" is not a plain "name = value" line`);
  }
  return `charon {
${extra.map((l) => `  ${l}\n`).join('')}  load_modular = no
  load = ${PLUGINS}
  # An unanswered peer gives up after ~4.5 s instead of minutes.
  retransmit_tries = 2
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  plugins {
    vici {
      socket = unix://${dir}/charon.vici
    }
    kernel-netlink {
      # Routes charon installs go to a table nothing uses.
      fwmark = 0x99
    }
    kernel-libipsec {
      allow_peer_ts = yes
    }
  }
  syslog {
  }
  filelog {
    oracle {
      path = ${dir}/charon.log
      default = 1
      ike = 2
      cfg = 2
      chd = 2
      knl = 1
      enc = 1
      flush_line = yes
    }
  }
}
`;
}

// Values go into swanctl.conf unquoted: allow only what selectors, proposals and names contain.
const SAFE_VALUE = /^[A-Za-z0-9_.:/[\],%-]+$/;
const SAFE_NAME = /^[A-Za-z0-9_-]+$/;

function safe(value: string, what: string, pattern: RegExp = SAFE_VALUE): string {
  if (!pattern.test(value)) throw new OracleError('BAD_REQUEST', `${what} "${value}" has characters a swanctl.conf value cannot hold`);
  return value;
}

function quote(secret: string): string {
  return `"${secret.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** swanctl.conf for one side of an interop case: PSK, IKE addresses as identities, tunnel mode. */
export function sideSwanctlConf(c: OracleCase, role: 'initiator' | 'responder'): string {
  const side: OracleSide = c[role];
  const local = role === 'initiator' ? INITIATOR_IP : RESPONDER_IP;
  const remote = role === 'initiator' ? RESPONDER_IP : INITIATOR_IP;
  if (side.children.length === 0) throw new OracleError('BAD_REQUEST', `case ${c.id}: the ${role} has no children`);
  const children = side.children
    .map((ch) => {
      if (ch.local_ts.length === 0 || ch.remote_ts.length === 0) {
        throw new OracleError('BAD_REQUEST', `case ${c.id}: child ${ch.name} of the ${role} needs local_ts and remote_ts`);
      }
      const lts = ch.local_ts.map((t) => safe(t, 'selector')).join(', ');
      const rts = ch.remote_ts.map((t) => safe(t, 'selector')).join(', ');
      return `      ${safe(ch.name, 'child name', SAFE_NAME)} {
        local_ts = ${lts}
        remote_ts = ${rts}
        esp_proposals = ${safe(ch.esp, 'ESP proposal')}
        mode = tunnel
      }`;
    })
    .join('\n');
  return `connections {
  oracle {
    version = ${c.version}
    local_addrs = ${local}
    remote_addrs = ${remote}
    proposals = ${safe(side.ike, 'IKE proposal')}
    local {
      auth = psk
      id = ${local}
    }
    remote {
      auth = psk
      id = ${remote}
    }
    children {
${children}
    }
  }
}
secrets {
  ike-oracle {
    id-a = ${INITIATOR_IP}
    id-b = ${RESPONDER_IP}
    secret = ${quote(side.psk)}
  }
}
`;
}

/** Every value of `key = a, b c` lines in a swanctl.conf (comments stripped). */
export function confValues(conf: string, key: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`^\\s*${key}\\s*=\\s*(.*)$`);
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*/, '');
    const m = re.exec(line);
    if (!m?.[1]) continue;
    for (const v of m[1].split(/[\s,]+/)) if (v) out.push(v.replace(/^"|"$/g, ''));
  }
  return out;
}
