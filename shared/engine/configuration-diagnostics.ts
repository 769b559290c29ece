// CONFIGURATION_UNSUPPORTED: an end combines settings its product cannot be configured with
// (each vendor's capability table, configurationLimits): the exporter writes something else
// instead, with a warning, so the design as drawn is not what the box runs. The fix, when the
// product offers one, changes the design to what it can be configured with.
import type { Command } from '../commands/commands';
import { vendorModule } from '../vendors/registry';
import type { NegotiationRun } from './negotiation-run';

export function configurationDiagnostics(run: NegotiationRun): void {
  for (const k of ['a', 'b'] as const) {
    const gateway = run.gateways[k];
    const limits = vendorModule(gateway.vendor).capabilities.configurationLimits?.(gateway, run.end(k)) ?? [];
    for (const limit of limits) {
      const fix: Command[] = limit.fix ? limit.fix.commands({ gateway, tunnelId: run.tunnel.id, end: k }) : [];
      run.diagnostics.push({
        code: 'CONFIGURATION_UNSUPPORTED',
        severity: 'warning',
        end: k,
        gateway: gateway.name,
        message: `${gateway.name}: ${limit.statement} (${limit.source})`,
        fix,
        ...(limit.fix && fix.length ? { fixLabel: limit.fix.label } : {}),
        provenance: limit.provenance,
      });
    }
  }
}
