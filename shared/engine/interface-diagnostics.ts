// INTERFACE_MISSING: a tunnel end names an outside interface its gateway does not have (or names
// none and the gateway has no physical interface). The end cannot run IKE from it, so phase 1 is down and the exporters leave the tunnel out; the fix
// points the end at the gateway's default outside interface. The document keeps the name as it
// was written (a file that names a missing interface still opens), and this says so.
import type { Command } from '../commands/commands';
import type { EndKey, Gateway, Tunnel } from '../model/document';
import { defaultOutsideInterface, outsideInterfaceOf } from '../model/interfaces';
import { clip } from '../model/text';
import type { Diagnostic, Phase1Result } from './report';

const ENDS: readonly EndKey[] = ['a', 'b'];

/** The diagnostics, and the phase 1 result they imply, or undefined when both ends' interfaces exist. */
export function missingInterfaces(tunnel: Tunnel, gateways: Record<EndKey, Gateway>): { phase1: Phase1Result; diagnostics: Diagnostic[] } | undefined {
  const diagnostics: Diagnostic[] = [];
  const reasons: string[] = [];
  for (const k of ENDS) {
    const g = gateways[k];
    const outside = outsideInterfaceOf(g, tunnel[k]);
    if (outside.status !== 'missing' && outside.status !== 'none') continue;
    const names = (Array.isArray(g.interfaces) ? g.interfaces : []).map((i) => i.name);
    const listed = names.length === 0 ? 'it has no interfaces yet: add one' : `choose one of its interfaces (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})`;
    const what = outside.status === 'missing' ? `no interface "${clip(outside.name)}", which this tunnel names as its outside interface` : 'no physical interface for this tunnel to run IKE on';
    const message = `${g.name} has ${what}: ${outside.status === 'missing' ? listed : 'add one'}. Nothing is negotiated or exported for this tunnel until then.`;
    const fallback = defaultOutsideInterface(g);
    const fix: Command[] = fallback ? [{ type: 'tunnelEnd.update', tunnelId: tunnel.id, end: k, changes: { outsideInterface: fallback.name } }] : [];
    diagnostics.push({ code: 'INTERFACE_MISSING', severity: 'error', end: k, gateway: g.name, message, fix, ...(fallback ? { fixLabel: `Use ${fallback.name}` } : {}), provenance: 'verified' });
    reasons.push(`${g.name} has ${what}.`);
  }
  if (diagnostics.length === 0) return undefined;
  return { phase1: { status: 'down', reason: reasons.join(' '), failure: 'config', rules: [] }, diagnostics };
}
