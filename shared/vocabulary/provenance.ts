// How sure the product is of what it says about a vendor, and where each statement comes from.
// Below the vendors and the engine, so a vendor's rules and the engine's report speak the same
// words (see shared/README.md for the layers).
import { z } from 'zod';

/** Checked against a real daemon, written by the vendor, or our assumption. */
export const ProvenanceSchema = z.enum(['verified', 'documented', 'assumed']);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** One vendor rule the engine may apply, with where it comes from. */
export const RuleSchema = z.strictObject({
  /** Stable id, e.g. `strongswan.ikev2.narrowing`. */
  id: z.string(),
  vendor: z.string(),
  /** The rule in one sentence. */
  statement: z.string(),
  provenance: ProvenanceSchema,
  /** The daemon, document or reasoning the rule comes from. */
  source: z.string(),
});
export type Rule = z.infer<typeof RuleSchema>;
