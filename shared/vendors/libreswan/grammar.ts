// How Libreswan's configuration is written: ipsec.conf, `config setup` and `conn <name>`
// sections of indented `parameter=value` lines, and ipsec.secrets, one record per line. The
// parameters are those Libreswan 4.10 reads (lib/libipsecconf/keywords.c, ipsec_conf_keywords,
// tag v4.10, including those its build options add), the rules those of ipsec.conf(5) and
// ipsec.secrets(5) of that release (configs/d.ipsec.conf/connsections.xml,
// configs/ipsec.secrets.5.xml). Batfish has no Libreswan grammar.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

export const configFile: FileGrammar = {
  suffix: '.ipsec.conf',
  comment: '#',
  batfish: 'none',
  syntax: {
    kind: 'ipsec-conf',
    // keywords.c, kv_config.
    setup: ['ikev1-policy', 'curl-iface', 'curl-timeout', 'myvendorid', 'syslog', 'plutodebug', 'logfile', 'plutostderrlog', 'logtime', 'logappend', 'logip', 'audit-log', 'dnssec-enable', 'dnssec-rootkey-file', 'dnssec-anchors', 'dumpdir', 'ipsecdir', 'nssdir', 'secretsfile', 'statsbin', 'uniqueids', 'shuntlifetime', 'global-redirect', 'global-redirect-to', 'crl-strict', 'crlcheckinterval', 'ocsp-strict', 'ocsp-enable', 'ocsp-uri', 'ocsp-timeout', 'ocsp-trustname', 'ocsp-cache-size', 'ocsp-cache-min-age', 'ocsp-cache-max-age', 'ocsp-method', 'ddos-mode', 'seccomp', 'ddos-ike-threshold', 'max-halfopen-ike', 'ike-socket-bufsize', 'ike-socket-errqueue', 'nflog-all', 'xfrmlifetime', 'virtual-private', 'virtual_private', 'seedbits', 'keep-alive', 'listen-tcp', 'listen-udp', 'listen', 'protostack', 'nhelpers', 'drop-oppo-null', 'ikev1-secctx-attr-type', 'secctx-attr-type', 'interfaces'],
    // keywords.c, kv_conn without kv_leftright ("dns-match-id," is spelt with its comma in 4.10's table).
    conn: ['auto', 'also', 'alsoflip', 'ike', 'hostaddrfamily', 'clientaddrfamily', 'type', 'authby', 'keyexchange', 'ikev2', 'ppk', 'intermediate', 'esn', 'decap-dscp', 'nopmtudisc', 'fragmentation', 'mobike', 'narrowing', 'pam-authorize', 'send-redirect', 'redirect-to', 'accept-redirect', 'accept-redirect-to', 'pfs', 'nat-keepalive', 'initial-contact', 'cisco-unity', 'send-no-esp-tfc', 'fake-strongswan', 'send-vendorid', 'sha2-truncbug', 'ms-dh-downgrade', 'require-id-on-certificate', 'dns-match-id,', 'ipsec-max-bytes', 'ipsec-lifetime', 'keylife', 'lifetime', 'salifetime', 'ipsec-max-packets', 'retransmit-timeout', 'retransmit-interval', 'ikepad', 'nat-ikev1-method', 'policy-label', 'sec-label', 'remote-peer-type', 'remote_peer_type', 'nm-configured', 'xauthby', 'xauthfail', 'modecfgpull', 'modecfgdns', 'modecfgdomains', 'modecfgbanner', 'ignore-peer-dns', 'mark', 'mark-in', 'mark-out', 'vti-interface', 'vti-routing', 'vti-shared', 'ipsec-interface', 'nic-offload', 'encapsulation', 'forceencaps', 'overlapip', 'reauth', 'rekey', 'rekeymargin', 'rekeyfuzz', 'keyingtries', 'replay-window', 'ikelifetime', 'failureshunt', 'negotiationshunt', 'enable-tcp', 'tcp-remoteport', 'connalias', 'esp', 'ah', 'phase2alg', 'phase2', 'compress', 'metric', 'dpddelay', 'dpdtimeout', 'dpdaction', 'sendca', 'mtu', 'priority', 'tfc', 'reqid', 'nflog', 'aggressive', 'aggrmode', 'x-comment'],
    // keywords.c, kv_leftright: each is left<x>= and right<x>=.
    sides: ['', 'subnet', 'subnets', 'sourceip', 'ikeport', 'vti', 'nexthop', 'updown', 'id', 'rsasigkey', 'ecdsakey', 'pubkey', 'cert', 'ckaid', 'sendcert', 'ca', 'xauthserver', 'xauthclient', 'modecfgserver', 'modecfgclient', 'username', 'xauthusername', 'addresspool', 'auth', 'cat', 'protoport', 'autheap'],
    // ipsec.conf(5): "Unless otherwise explicitly specified, no parameter name may appear more
    // than once in a section"; also= may ("there may be more than one also in a single section"),
    // and keywords.c marks auto= kv_duplicateok.
    repeatable: ['also', 'auto'],
    // ipsec.conf(5): "Names must start with a letter and may contain only letters, digits,
    // periods, underscores, and hyphens"; `conn %default` holds the defaults of every conn.
    // 4.10's parser takes more (`conn _x`), but a name of digits only is a number to its lexer
    // (parser.lex) and `addconn --checkconfig` refuses the file: "syntax error".
    name: /^(?:[A-Za-z][A-Za-z0-9._-]*|%default)$/u,
    // ipsec.conf(5): "Parameter names beginning with x- (or X-, or x_, or X_) are reserved for user extensions".
    extension: /^[xX][-_]/u,
  },
  // conn: leftsubnet= (this side) and rightsubnet= (the peer's), one prefix each.
  selectors: {
    statements: [/^\s+leftsubnet=(?<local>\S+)$/, /^\s+rightsubnet=(?<remote>\S+)$/],
    address: [/^(?<prefix>\S+)$/],
  },
};

export const secretsFile: FileGrammar = {
  suffix: '.ipsec.secrets',
  comment: '#',
  batfish: 'none',
  syntax: {
    kind: 'ipsec-secrets',
    // ipsec.secrets(5): `indices : PSK "secret"`, `: XAUTH "password"`, `: PPKS "PPK_ID" key`;
    // lib/libswan/secrets.c (process_secret) reads psk, xauth and ppks, without case.
    records: { PSK: 1, XAUTH: 1, PPKS: 2 },
  },
};

export const grammar: VendorGrammar = { files: [configFile, secretsFile] };
