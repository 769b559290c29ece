// How a product's configuration files are written, as data: which files (by the end of their
// name), what starts a comment, how a line splits into words, which statements exist and in which
// context, which statements define and use names, and where the traffic selectors are written.
// The exporter's tests check every generated file against it (test/shared/export/structure.ts),
// the injection suite reads files with it (test/security/injection/lexers.ts), and a
// configuration importer will parse with it. Each vendor with an exporter has one, in its folder
// (`shared/vendors/<vendor>/grammar.ts`); every list there cites the document it comes from.

/** A Batfish grammar, named as ../shared/tools/batfish-check takes it (`--vendor`, `.<dialect>.txt`). */
// eslint-disable-next-line vendors/no-vendor-ids -- the checker's own dialect names (its file suffixes), two of which spell like vendor ids
export type BatfishDialect = 'panos' | 'junos' | 'asa' | 'ios' | 'fortigate';

export interface VendorGrammar {
  /** The files the exporter writes for one gateway. */
  files: readonly FileGrammar[];
}

export interface FileGrammar {
  /** How the file's name ends (`.panos.txt`); no vendor's suffix ends another's. */
  suffix: string;
  /** What starts a comment line (after any indentation). */
  comment: '#' | '!';
  /** The Batfish grammar that reads the file, or `none` where Batfish has none for it. */
  batfish: BatfishDialect | 'none';
  syntax: FileSyntax;
  /** Where the file writes traffic selectors; absent for a file that has none (ipsec.secrets). */
  selectors?: SelectorGrammar;
  /**
   * Statements the product takes that Batfish's grammar rejects (its grammars model what Batfish
   * analyses, not every command), each with the vendor document that shows it valid. The export
   * tests fail on any other line Batfish rejects.
   */
  batfishGaps?: readonly BatfishAllowance[];
  /**
   * Statements Batfish accepts only through a catch-all rule, so it checked nothing of them, each
   * with what else checks them. The export tests fail on any other catch-all line.
   */
  batfishCatchAll?: readonly BatfishAllowance[];
}

/** A statement Batfish's verdict does not settle, and what does. */
export interface BatfishAllowance {
  /** The statement lines it covers, matched against the line as written (leading space trimmed). */
  statement: RegExp;
  /** For a gap: the vendor document (title, section) that shows the statement valid. For a catch-all: what else checks it. */
  source: string;
}

/** One kind per way configuration files are structured; the checkers dispatch on `kind`. */
export type FileSyntax = SetLines | IndentedModes | FortiosConfig | BraceSections | IpsecConf | IpsecSecrets;

/**
 * The leading words of a statement, `<w>` standing for any one word (a name, a number): a line is
 * that statement when it starts with these words.
 */
export type Head = string;

/** How a line of a word-based CLI splits into words. */
export interface WordLexis {
  /** A bare word, matched at its start. */
  word: RegExp;
  /** Characters that are a word on their own wherever they stand. */
  punctuation?: string;
  /** Quoted strings: the quote, and what a backslash escapes inside (absent: a backslash is itself). */
  quotes: readonly { char: string; escapes?: RegExp }[];
}

/** Which statements define a name and which use one, so that every name is defined before its use. */
export interface NameRules {
  /** Group 1 is the name; group 2, when present, a unit of it (the name is then `name.unit`: Junos st0.0). */
  define: readonly RegExp[];
  /** Every group is a name, a `[ a b ]` list of names or "quoted" names; with the g flag, every match on the line. */
  use: readonly RegExp[];
}

/** Configure-mode `set` lines: every statement is one line from the top of the hierarchy. */
export interface SetLines {
  kind: 'set-lines';
  heads: readonly Head[];
  names: NameRules;
  words: WordLexis;
}

/** A configuration mode: opened by a top-level statement, its statements indented one space below it. */
export interface Mode {
  top: RegExp;
  sub: readonly Head[];
  /** A mode inside the mode (IOS keyring `peer`), its statements indented two spaces. */
  nested?: { parent: RegExp; sub: readonly Head[] };
}

/** Cisco-style configuration: top-level statements, some opening a mode of indented statements. */
export interface IndentedModes {
  kind: 'indented-modes';
  /** Top-level statements that open no mode. */
  flat: readonly Head[];
  modes: readonly Mode[];
  names: NameRules;
  words: WordLexis;
}

/** FortiOS: `config <table>`, `edit <entry>`, `set <key> …`, `next`, `end`. */
export interface FortiosConfig {
  kind: 'fortios-config';
  /** The keys the entries of each table have. */
  tables: Readonly<Record<string, readonly string[]>>;
  /** Keys whose quoted values name entries of another table, which must come earlier in the file. */
  references: readonly { keys: readonly string[]; to: string; inTables?: readonly string[] }[];
  words: WordLexis;
}

/**
 * A section of a `name { … }` file: its `key = value` keys and its subsections. A name is a
 * literal, `x<suffix>` (any name starting with x), or `<placeholder>` (any name).
 */
export interface SectionGrammar {
  keys: readonly string[];
  sections?: Readonly<Record<string, SectionGrammar>>;
}

/** strongswan.conf-style files (swanctl.conf): nested `name { … }` sections of `key = value` lines. */
export interface BraceSections {
  kind: 'brace-sections';
  /** What the top of the file holds. */
  root: SectionGrammar;
  /** What a section name or key may be. */
  name: RegExp;
}

/** ipsec.conf: `config setup` and `conn <name>` sections of indented `key=value` lines. */
export interface IpsecConf {
  kind: 'ipsec-conf';
  /** The parameters of `config setup`. */
  setup: readonly string[];
  /** The parameters of a `conn` that are not per side. */
  conn: readonly string[];
  /** The per-side parameters of a `conn`, written `left<x>=` and `right<x>=` ('' for `left=`). */
  sides: readonly string[];
  /** Parameters that may appear more than once in one section. */
  repeatable: readonly string[];
  /** What a section name may be. */
  name: RegExp;
  /** Parameter names any section may hold, reserved for the user's own extensions. */
  extension: RegExp;
}

/** ipsec.secrets: records `indices : KIND secret…` starting at the left margin. */
export interface IpsecSecrets {
  kind: 'ipsec-secrets';
  /** The kinds of record (matched without case) and how many tokens follow each. */
  records: Readonly<Record<string, number>>;
}

/**
 * Where traffic selectors are written. Each statement's named groups `local` and `remote` hold
 * the two sides; a statement with only `local` is paired with the next one with only `remote`.
 * A side is read with the first `address` form that matches it whole, by its named groups:
 * `prefix` (as written), `address` with `netmask` or with `wildcard` (Cisco ACL), `host`, `any`
 * (IPv4 0.0.0.0/0), `any6` (::/0), `object` (the name of an address object).
 */
export interface SelectorGrammar {
  statements: readonly RegExp[];
  address: readonly RegExp[];
  /** Address objects a side may name: the line opening one (group 1, its name), and how its indented lines write the address. */
  objects?: { define: RegExp; address: readonly RegExp[] };
}
