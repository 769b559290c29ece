// The value ranges a product's configuration takes, from each vendor's capability table
// (valueLimits). A design with a value outside describes a configuration the box refuses to load:
// the engine reports VALUE_OUT_OF_RANGE with a fix, the inspector refuses the value, and the
// exporter never writes one.
import type { Gateway, TunnelEnd } from '../model/document';
import { settingValue, VALUE_SETTINGS, type ValueLimit, type ValueSetting } from './kit/capabilities';
import { vendorModule } from './registry';

export interface OutOfRange {
  setting: ValueSetting;
  value: number;
  limit: ValueLimit;
  /** The nearest value the product takes. */
  nearest: number;
}

/** The product's ranges for this gateway. */
export function valueLimitsOf(gateway: Gateway): Partial<Record<ValueSetting, ValueLimit>> {
  return vendorModule(gateway.vendor).capabilities.valueLimits?.(gateway) ?? {};
}

/** The range of one setting on this gateway, when its product bounds it. */
export function valueLimitOf(gateway: Gateway, setting: ValueSetting): ValueLimit | undefined {
  return valueLimitsOf(gateway)[setting];
}

/** Every setting of this end whose value the gateway's product does not take. */
export function outOfRange(gateway: Gateway, end: TunnelEnd): OutOfRange[] {
  const limits = valueLimitsOf(gateway);
  const out: OutOfRange[] = [];
  for (const setting of VALUE_SETTINGS) {
    const limit = limits[setting];
    const value = limit ? settingValue(end, setting) : undefined;
    if (!limit || value === undefined) continue;
    const inRange = value >= limit.min && value <= limit.max;
    if (inRange && (!limit.steps || limit.steps.accepts(value))) continue;
    const clamped = value < limit.min ? limit.min : value > limit.max ? limit.max : value;
    out.push({ setting, value, limit, nearest: limit.steps && !limit.steps.accepts(clamped) ? limit.steps.nearest(clamped) : clamped });
  }
  return out;
}
