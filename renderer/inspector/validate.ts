// Validators for inspector fields: the same rules as the document schema, so a value that passes
// here is a value the document accepts. Each returns the message to show, or undefined.
import type { z } from 'zod';
import { AddressSpecSchema, InterfaceAddressSchema, IpSchema, PortSpecSchema, PrefixSchema, PROTOCOL_NAMES, type Protocol } from '../../shared/model/document';
import type { ValueLimit } from '../../shared/vendors/kit/capabilities';
import type { OptionField } from '../../shared/vendors/kit/options';
import { zoneName } from '../../shared/model/text';

function bySchema(schema: z.ZodType): (t: string) => string | undefined {
  return (t) => {
    const r = schema.safeParse(t.trim());
    return r.success ? undefined : (r.error.issues[0]?.message ?? 'not valid');
  };
}

export const validateAddressSpec = bySchema(AddressSpecSchema);
export const validatePrefix = bySchema(PrefixSchema);
export const validateIp = bySchema(IpSchema);
export const validateInterfaceAddress = bySchema(InterfaceAddressSchema);
export const validatePort = bySchema(PortSpecSchema);

export function required(what: string): (t: string) => string | undefined {
  return (t) => (t.trim() === '' ? `${what} cannot be empty` : undefined);
}

export function validateName(what: string, taken: readonly string[], max = 63): (t: string) => string | undefined {
  return (t) => {
    if (t.trim() === '') return `a ${what} needs a name`;
    if (t.length > max) return `at most ${max} characters`;
    if (taken.includes(t)) return `another ${what} is already called "${t}"`;
    return undefined;
  };
}

export function parseProtocol(t: string): Protocol | undefined {
  const s = t.trim().toLowerCase();
  if (s in PROTOCOL_NAMES) return s as keyof typeof PROTOCOL_NAMES;
  if (/^\d{1,3}$/.test(s) && Number(s) <= 255) return Number(s);
  return undefined;
}

export function validateProtocol(t: string): string | undefined {
  return parseProtocol(t) === undefined ? `"${t}" is not a protocol: write any, tcp, udp, icmp, icmpv6, gre, esp, or a number 0-255` : undefined;
}

export function validateInt(min: number, max: number): (t: string) => string | undefined {
  return (t) => (/^\d+$/.test(t.trim()) && Number(t) >= min && Number(t) <= max ? undefined : `a whole number from ${min} to ${max}`);
}

/**
 * A whole number the document takes (modelMin–modelMax) and, when the gateway's product bounds the
 * setting, that its configuration takes: the message names the product and its range.
 */
export function validateSetting(limit: ValueLimit | undefined, productLabel: string, modelMin: number, modelMax: number): (t: string) => string | undefined {
  const whole = validateInt(modelMin, modelMax);
  return (t) => {
    const problem = whole(t);
    if (problem || !limit) return problem;
    const v = Number(t);
    if (v < limit.min || v > limit.max) return `${productLabel} takes ${limit.min} to ${limit.max} (${limit.statement})`;
    if (limit.steps && !limit.steps.accepts(v)) return `${productLabel} cannot write ${v}: ${limit.steps.says} (nearest: ${limit.steps.nearest(v)})`;
    return undefined;
  };
}

/** A product setting typed as text: a number within its range, or a name its product's CLI takes. */
export function validateOptionText(field: Extract<OptionField, { kind: 'number' | 'text' }>): (t: string) => string | undefined {
  if (field.kind === 'number') return validateInt(field.min, field.max);
  return (t) => (field.pattern.test(t) ? undefined : `${field.label}: ${field.says}`);
}

export const validateZone = bySchema(zoneName());
