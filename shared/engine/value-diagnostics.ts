// VALUE_OUT_OF_RANGE: an end holds a lifetime, DPD or monitor value its product's configuration
// does not take (each vendor's capability table, read through shared/vendors/values.ts), so the
// exported configuration would not load (or would load with another value, for a product that
// clamps). The fix sets the nearest value the product takes.
import type { Command } from '../commands/commands';
import { SETTING_WORDS, settingChanges } from '../vendors/kit/capabilities';
import { vendorModule } from '../vendors/registry';
import { outOfRange } from '../vendors/values';
import type { NegotiationRun } from './negotiation-run';

export function valueDiagnostics(run: NegotiationRun): void {
  for (const k of ['a', 'b'] as const) {
    const gateway = run.gateways[k];
    const end = run.end(k);
    for (const o of outOfRange(gateway, end)) {
      const words = SETTING_WORDS[o.setting];
      const unit = words.unit ? ` ${words.unit}` : '';
      const fix: Command[] = [{ type: 'tunnelEnd.update', tunnelId: run.tunnel.id, end: k, changes: settingChanges(end, o.setting, o.nearest) }];
      run.diagnostics.push({
        code: 'VALUE_OUT_OF_RANGE',
        severity: 'error',
        end: k,
        gateway: gateway.name,
        message: `${gateway.name}'s ${words.label} is ${o.value}${unit}; ${vendorModule(gateway.vendor).identity.label} takes ${o.limit.min}–${o.limit.max}${unit}${o.limit.steps ? `, ${o.limit.steps.says}` : ''} (${o.limit.statement}; ${o.limit.source}). ${o.limit.outside === 'clamped' ? `It would load and silently use ${o.nearest}${unit} instead.` : 'Its configuration would not load with this value.'}`,
        fix,
        fixLabel: `Use ${o.nearest}${unit}`,
        provenance: o.limit.provenance,
      });
    }
  }
}
