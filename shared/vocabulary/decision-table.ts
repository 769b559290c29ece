// Behaviour written as tables: each row says when it applies, what it decides, and where the
// behaviour comes from, so a reviewer can check it against the sources row by row. The VPN
// monitor's rules and the vendors' monitor behaviour are tables of this kind. First matching
// row wins; every table ends with a row that always applies.
import type { Provenance } from './provenance';

export interface DecisionSource {
  /** The document: `KB16008`, `KB6221`, `KB6134`, `PAN-OS tunnel monitor`, `RFC 7296`… */
  ref: string;
  provenance: Provenance;
  /** What exactly the source says, or why we assume it. */
  note: string;
}

export interface DecisionRule<I, O> {
  id: string;
  /** The rule in one sentence, shown in the UI next to the status it produced. */
  says: string;
  source: DecisionSource;
  when: (input: I) => boolean;
  then: (input: I) => O;
}

export interface Decision<O> {
  value: O;
  rule: { id: string; says: string; source: DecisionSource };
}

export function decide<I, O>(table: readonly DecisionRule<I, O>[], input: I): Decision<O> {
  for (const row of table) {
    if (row.when(input)) return { value: row.then(input), rule: { id: row.id, says: row.says, source: row.source } };
  }
  // Each table ends with a row that always applies; reaching here is a bug in the table.
  throw new Error(`no rule of the table applies to ${JSON.stringify(input)}`);
}
