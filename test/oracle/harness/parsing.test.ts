// The harness's readers, on text charon and swanctl really print (captured on strongSwan 5.9.8).
// Pure: these run wherever the oracle suite runs, daemons or not.
import { describe, expect, it } from 'vitest';
import { canonical, differences } from './interop';
import { parseListSas } from './list-sas';
import { errorNotify, installErrors, notObservableLines, notifiesIn } from './logs';
import { defaultLoAddresses } from './pair';
import { firstAddress, normaliseSelector, selectorSet } from './selector';

const PRETTY = `list-sa event {
  oracle {
    uniqueid = 1
    version = 2
    state = ESTABLISHED
    child-sas {
      x-1 {
        name = x
        uniqueid = 1
        reqid = 1
        state = INSTALLED
        mode = TUNNEL
        spi-in = cccbe1f3
        spi-out = 4cde3a99
        local-ts = [
          10.2.1.0/24
          10.3.0.5..10.3.0.9
        ]
        remote-ts = [
          10.1.1.0/24[tcp/https]
        ]
      }
    }
  }
}
list-sas reply {
}
`;

describe('swanctl --list-sas --pretty', () => {
  it('reads IKE and child SAs with their selectors and SPIs', () => {
    expect(parseListSas(PRETTY)).toEqual([
      {
        name: 'oracle',
        state: 'ESTABLISHED',
        version: '2',
        children: [{ name: 'x', state: 'INSTALLED', spiIn: 'cccbe1f3', spiOut: '4cde3a99', localTs: ['10.2.1.0/24', '10.3.0.5..10.3.0.9'], remoteTs: ['10.1.1.0/24[tcp/https]'] }],
      },
    ]);
  });

  it('reads an empty answer as no SA', () => {
    expect(parseListSas('list-sas reply {\n}\n')).toEqual([]);
  });
});

describe('selectors', () => {
  it.each([
    ['10.1.1.0/24[tcp/https]', '10.1.1.0/24[tcp/443]'],
    ['10.0.0.0/24[udp/isakmp]', '10.0.0.0/24[udp/500]'],
    ['10.1.0.5-10.1.0.9', '10.1.0.5..10.1.0.9'],
    ['10.1.0.5..10.1.0.9', '10.1.0.5..10.1.0.9'],
    ['10.1.0.0-10.1.0.255', '10.1.0.0/24'],
    ['10.1.0.7', '10.1.0.7/32'],
    ['fd00:2:0:5::/64[udp/1000-2000]', 'fd00:2:0:5::/64[udp/1000-2000]'],
    ['10.0.0.0/8[TCP/0-65535]', '10.0.0.0/8[tcp]'],
    ['10.0.0.0/8[6/80]', '10.0.0.0/8[tcp/80]'],
    ['dynamic', 'dynamic'],
  ])('%s reads as %s', (text, expected) => {
    expect(normaliseSelector(text)).toBe(expected);
  });

  it('compares lists as sets', () => {
    expect(selectorSet(['10.2.0.0/16', '10.1.0.5-10.1.0.9', '10.2.0.0/16'])).toEqual(['10.1.0.5..10.1.0.9', '10.2.0.0/16']);
  });

  it('gives the first address of prefixes, ranges and IPv6', () => {
    expect(firstAddress('10.1.0.0/16[tcp/443]')).toEqual({ family: 4, address: '10.1.0.0' });
    expect(firstAddress('10.3.0.5-10.3.0.9')).toEqual({ family: 4, address: '10.3.0.5' });
    expect(firstAddress('fd00:2:0:5::/64')).toEqual({ family: 6, address: 'fd00:2:0:5::' });
    expect(firstAddress('%dynamic')).toBeUndefined();
  });

  it('puts on lo the first address of own local and peer remote selectors, never the IKE subnet or 0.0.0.0', () => {
    const own = 'children {\n x {\n local_ts = 10.1.0.0/16, 0.0.0.0/0\n remote_ts = 10.9.0.0/16\n }\n}';
    const peer = 'children {\n x {\n local_ts = 10.9.0.0/16\n remote_ts = 10.1.1.0/24, 192.0.2.0/24, 10.1.0.0/16 # comment\n }\n}';
    expect(defaultLoAddresses(own, peer)).toEqual(['10.1.0.0', '10.1.1.0']);
  });
});

describe('charon logs', () => {
  const initiatorLog = [
    '12[ENC] parsed IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(CHDLESS_SUP) N(MULT_AUTH) ]',
    '12[ENC] parsed IKE_AUTH response 1 [ IDr AUTH N(MOBIKE_SUP) N(NO_ADD_ADDR) N(TS_UNACCEPT) ]',
    '07[ENC] parsed CREATE_CHILD_SA response 2 [ N(TS_UNACCEPT) ]',
    '09[ENC] parsed INFORMATIONAL_V1 request 3185 [ HASH N(INVAL_ID) ]',
    '09[ENC] generating IKE_AUTH request 1 [ IDi N(INIT_CONTACT) IDr AUTH SA TSi TSr N(NO_PROP) ]',
  ].join('\n');

  it('reads error notifies of parsed messages, once each, in order, ignoring status notifies and generated ones', () => {
    expect(notifiesIn(initiatorLog, 'parsed')).toEqual(['TS_UNACCEPTABLE', 'INVALID_ID_INFORMATION']);
    expect(notifiesIn(initiatorLog, 'generating')).toEqual(['NO_PROPOSAL_CHOSEN']);
  });

  it('maps short names, full names and numbers', () => {
    expect(errorNotify('PLD_MAL')).toBe('PAYLOAD_MALFORMED');
    expect(errorNotify('INVAL_KE')).toBe('INVALID_KE_PAYLOAD');
    expect(errorNotify('AUTH_FAILED')).toBe('AUTHENTICATION_FAILED');
    expect(errorNotify('SINGLE_PAIR')).toBe('SINGLE_PAIR_REQUIRED');
    expect(errorNotify('NATD_S_IP')).toBeUndefined();
    expect(errorNotify('12345')).toBe('NOTIFY_12345');
    expect(errorNotify('40000')).toBeUndefined();
  });

  it('finds install failures and what this kernel cannot observe', () => {
    const log = [
      '09[KNL] error installing route with policy 10.3.0.5..10.3.0.9 === 10.1.1.0/24[tcp/https] out',
      '09[IKE] unable to install IPsec policies (SPD) in kernel',
      '10[KNL] IPsec SA: unsupported mode',
      '10[KNL] failed to create SAD entry',
      '10[IKE] unable to install inbound and outbound IPsec SA (SAD) in kernel',
    ].join('\n');
    expect(installErrors(log)).toEqual([
      'error installing route with policy 10.3.0.5..10.3.0.9 === 10.1.1.0/24[tcp/https] out',
      'unable to install IPsec policies (SPD) in kernel',
      'unable to install inbound and outbound IPsec SA (SAD) in kernel',
    ]);
    expect(notObservableLines(log)).toEqual(['IPsec SA: unsupported mode', 'failed to create SAD entry']);
  });
});

describe('comparing observations', () => {
  const base = {
    ike: 'up' as const,
    children: { x: { status: 'up' as const, initiator_local_ts: ['10.1.0.5-10.1.0.9', '10.1.1.0/24'], initiator_remote_ts: ['10.2.0.0/24[tcp/https]'], responder_config: 'x' } },
    notifies_received_by_initiator: ['TS_UNACCEPTABLE', 'TS_UNACCEPTABLE'],
    notifies_sent_by_responder: ['TS_UNACCEPTABLE'],
  };

  it('treats selector lists and notifies as sets, in either notation', () => {
    const other = {
      ...base,
      children: { x: { status: 'up' as const, initiator_local_ts: ['10.1.1.0/24', '10.1.0.5..10.1.0.9'], initiator_remote_ts: ['10.2.0.0/24[tcp/443]'], responder_config: 'x' } },
      notifies_received_by_initiator: ['TS_UNACCEPTABLE'],
    };
    expect(differences(base, other)).toEqual([]);
    expect(canonical(other)).toEqual(canonical(base));
  });

  it('names every difference', () => {
    const other = {
      ike: 'up' as const,
      children: { x: { status: 'up' as const, initiator_local_ts: ['10.1.1.0/24'], initiator_remote_ts: ['10.2.0.0/24[tcp/443]'], responder_config: 'y' } },
      notifies_received_by_initiator: [],
      notifies_sent_by_responder: ['TS_UNACCEPTABLE'],
    };
    expect(differences(base, other)).toEqual([
      'child x initiator_local_ts: expected ["10.1.0.5..10.1.0.9","10.1.1.0/24"], got ["10.1.1.0/24"]',
      'child x responder_config: expected "x", got "y"',
      'notifies_received_by_initiator: expected ["TS_UNACCEPTABLE"], got []',
    ]);
    expect(differences(base, { ...base, ike: 'down', children: { x: { status: 'down' } } })).toEqual(['ike: expected up, got down', 'child x: expected up, got down']);
  });
});
