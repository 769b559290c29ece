// How OpenIKED's configuration is written: iked.conf, one statement per line (a line may continue
// after a backslash; the exporter writes each policy on one line), `#` comments. The statements
// are those of iked.conf(5), OpenBSD 7.2 manual ("MACROS", "GLOBAL CONFIGURATION", "AUTOMATIC
// KEYING POLICIES"); quoted strings as parse.y's lexer reads them (openiked-portable 7.2: `\"` and
// `\\` inside quotes). Batfish has no OpenIKED grammar.
import type { FileGrammar, VendorGrammar } from '../kit/grammar';

export const configFile: FileGrammar = {
  suffix: '.iked.conf',
  comment: '#',
  batfish: 'none',
  syntax: {
    kind: 'set-lines',
    // iked.conf(5): `ikev2 [name] …` policies, `set …` global options, `include`, `user`.
    heads: ['ikev2 <w>', 'set', 'include', 'user'],
    // A policy's name "should only occur once in iked.conf".
    names: { define: [/^ikev2 "([^"]+)" /u], use: [] },
    words: { word: /^[^\s"{},]+/u, punctuation: '{},', quotes: [{ char: '"', escapes: /["\\]/u }] },
  },
  // iked.conf(5): `from src [port sport] to dst [port dport]`, one or more per policy.
  selectors: {
    statements: [/ from (?<local>\S+)(?: port \d+)? to (?<remote>\S+)(?: port \d+)?/gu],
    address: [/^(?<any>any)$/u, /^(?<prefix>\S+\/\d+)$/u, /^(?<host>[0-9A-Fa-f.:]+)$/u],
  },
};

export const grammar: VendorGrammar = { files: [configFile] };
