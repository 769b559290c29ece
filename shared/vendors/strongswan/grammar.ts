// How a strongSwan swanctl.conf is written: nested `name { … }` sections of `key = value` lines
// (strongswan.conf(5), "SYNTAX": `section := name { settings }`, `keyvalue := key = value\n`).
// The sections and keys are those of swanctl.conf(5) for 5.9.8, the manual generated from
// strongSwan's src/swanctl/swanctl.opt (tag 5.9.8): every key of the connections, secrets, pools
// and authorities sections, `<conn>`, `<child>` and `<name>` standing for any name and
// `<suffix>` for any ending, as the manual writes them. Batfish has no strongSwan grammar.
import type { FileGrammar, SectionGrammar, VendorGrammar } from '../kit/grammar';

/** A certificate given by file, or on a token (`cert<suffix>`, `cacert<suffix>`). */
const certificate: SectionGrammar = { keys: ['file', 'handle', 'slot', 'module'] };

/** connections.<conn>: the IKE connection. */
const connection: SectionGrammar = {
  keys: ['version', 'local_addrs', 'remote_addrs', 'local_port', 'remote_port', 'proposals', 'vips', 'aggressive', 'pull', 'dscp', 'encap', 'mobike', 'dpd_delay', 'dpd_timeout', 'fragmentation', 'childless', 'send_certreq', 'send_cert', 'ppk_id', 'ppk_required', 'keyingtries', 'unique', 'reauth_time', 'rekey_time', 'over_time', 'rand_time', 'pools', 'if_id_in', 'if_id_out', 'mediation', 'mediated_by', 'mediation_peer'],
  sections: {
    'local<suffix>': {
      keys: ['round', 'certs', 'cert<suffix>', 'pubkeys', 'auth', 'id', 'eap_id', 'aaa_id', 'xauth_id'],
      sections: { 'cert<suffix>': certificate },
    },
    'remote<suffix>': {
      keys: ['round', 'id', 'eap_id', 'groups', 'cert_policy', 'certs', 'cert<suffix>', 'cacerts', 'cacert<suffix>', 'ca_id', 'pubkeys', 'revocation', 'auth'],
      sections: { 'cert<suffix>': certificate, 'cacert<suffix>': certificate },
    },
    children: {
      keys: [],
      sections: {
        '<child>': {
          keys: ['ah_proposals', 'esp_proposals', 'sha256_96', 'local_ts', 'remote_ts', 'rekey_time', 'life_time', 'rand_time', 'rekey_bytes', 'life_bytes', 'rand_bytes', 'rekey_packets', 'life_packets', 'rand_packets', 'updown', 'hostaccess', 'mode', 'policies', 'policies_fwd_out', 'dpd_action', 'ipcomp', 'inactivity', 'reqid', 'priority', 'interface', 'mark_in', 'mark_in_sa', 'mark_out', 'set_mark_in', 'set_mark_out', 'if_id_in', 'if_id_out', 'label', 'label_mode', 'tfc_padding', 'replay_window', 'hw_offload', 'copy_df', 'copy_ecn', 'copy_dscp', 'start_action', 'close_action'],
        },
      },
    },
  },
};

/** secrets.<type><suffix>: a shared secret with the identities it is for, or a private key by file. */
const shared: SectionGrammar = { keys: ['secret', 'id<suffix>'] };
const privateKey: SectionGrammar = { keys: ['file', 'secret'] };

export const configFile: FileGrammar = {
  suffix: '.swanctl.conf',
  comment: '#',
  batfish: 'none',
  syntax: {
    kind: 'brace-sections',
    root: {
      keys: [],
      sections: {
        connections: { keys: [], sections: { '<conn>': connection } },
        secrets: {
          keys: [],
          // swanctl.conf(5) documents xauth<suffix> as "the same as eap<suffix>".
          sections: {
            'eap<suffix>': shared,
            'xauth<suffix>': shared,
            'ntlm<suffix>': shared,
            'ike<suffix>': shared,
            'ppk<suffix>': shared,
            'private<suffix>': privateKey,
            'rsa<suffix>': privateKey,
            'ecdsa<suffix>': privateKey,
            'pkcs8<suffix>': privateKey,
            'pkcs12<suffix>': privateKey,
            'token<suffix>': { keys: ['handle', 'slot', 'module', 'pin'] },
          },
        },
        pools: { keys: [], sections: { '<name>': { keys: ['addrs', '<attr>'] } } },
        authorities: { keys: [], sections: { '<name>': { keys: ['cacert', 'file', 'handle', 'slot', 'module', 'crl_uris', 'ocsp_uris', 'cert_uri_base'] } } },
      },
    },
    // strongswan.conf(5): "Section names and keys may contain any printable character except
    // . , : { } = " # \n \t space".
    name: /^[^.,:{}="#\s]+$/u,
  },
  // connections.<conn>.children.<child>.local_ts and remote_ts: a prefix or range, optionally
  // with [protocol/port].
  selectors: {
    statements: [/^\s+local_ts = (?<local>\S+)$/, /^\s+remote_ts = (?<remote>\S+)$/],
    address: [/^(?<prefix>[^[\s]+)(?:\[\S*\])?$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
