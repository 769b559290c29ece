// How a ScreenOS configuration is written: `set` lines, one statement per line. The statements are
// those of Juniper KB16008 "Multiple Proxy ID support on a Route-Based VPN" (ScreenOS 6.3)
// and the "Concepts & Examples ScreenOS Reference Guide, Volume 5: Virtual Private Networks"
// (p1/p2-proposal, ike gateway, vpn, proxy-id, interface, route, address, service, policy): the
// statements the product's exports are made of, not the whole CLI. Batfish has no ScreenOS grammar.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

export const configFile: FileGrammar = {
  suffix: '.screenos.txt',
  comment: '#',
  batfish: 'none',
  syntax: {
    kind: 'set-lines',
    heads: [
      'set ike p1-proposal',
      'set ike p2-proposal',
      'set ike gateway ikev2',
      'set ike gateway',
      'set vpn <w> gateway',
      'set vpn <w> monitor',
      'set vpn <w> id',
      'set vpn <w> bind interface',
      'set vpn <w> proxy-id check',
      'set vpn <w> proxy-id local-ip',
      'set interface <w> zone',
      'set interface <w> ip unnumbered interface',
      'set route',
      'set address',
      'set service',
      'set policy from',
    ],
    // Proposals, gateways, addresses, services and VPNs are named ("…"); gateways name their
    // proposals, VPNs their gateway, policies their addresses and VPN.
    names: {
      define: [/^set ike p[12]-proposal "([^"]+)"/, /^set ike gateway (?:ikev2 )?"([^"]+)" address/, /^set address "[^"]+" "([^"]+)"/, /^set service "([^"]+)"/, /^set vpn "([^"]+)" gateway /],
      use: [/ proposal ((?:"[^"]+" ?)+)$/, /^set vpn "[^"]+" gateway "([^"]+)"/, /^set vpn "([^"]+)" (?:monitor|id|proxy-id)/, /^set policy from "[^"]+" to "[^"]+" "([^"]+)" "([^"]+)"/, / remote-ip \S+ "([^"]+)"$/, / tunnel vpn "([^"]+)"$/],
    },
    // Names are "…" (KB16008's `set vpn "x"`), with no escape inside (the Concepts & Examples guide
    // documents none); words stop at a space.
    words: { word: /^[^\s"]+/u, quotes: [{ char: '"' }] },
  },
  // KB16008: `set vpn "<vpn>" proxy-id local-ip <prefix> remote-ip <prefix> <service>`.
  selectors: {
    statements: [/ proxy-id local-ip (?<local>\S+) remote-ip (?<remote>\S+) /],
    address: [/^(?<prefix>\S+)$/],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
