// A product's own settings of a tunnel end or gateway, as its vendor module declares them
// (shared/vendors/<vendor>/options.ts): one generic editor, so no vendor is named here and a new
// product's settings appear without touching the inspector.
import type { Command } from '../../shared/commands/commands';
import type { VendorOptions } from '../../shared/model/document';
import { readOptions, type OptionValue, type VendorOptionSet } from '../../shared/vendors/kit/options';
import { vendorModule } from '../../shared/vendors/registry';
import { CheckField, SelectField } from './fields';

export function VendorOptionFields(props: {
  vendor: string;
  where: 'gateway' | 'end';
  holder: { vendorOptions?: VendorOptions };
  /** The command that writes the holder's new vendorOptions. */
  write: (vendorOptions: VendorOptions) => Command;
  dispatch: (command: Command) => void;
}) {
  const { vendor, where, holder, write, dispatch } = props;
  const set = vendorModule(vendor).options?.[where] as VendorOptionSet<Record<string, OptionValue>> | undefined;
  if (!set) return null;
  const values = readOptions(set, vendor, holder);
  const change = (key: string, value: OptionValue) => {
    const own = holder.vendorOptions?.[vendor] ?? {};
    dispatch(write({ ...(holder.vendorOptions ?? {}), [vendor]: { ...own, [key]: value } }));
  };
  return (
    <>
      {set.fields.map((f) =>
        f.kind === 'boolean' ? (
          <CheckField key={f.key} label={f.label} checked={values[f.key] === true} onChange={(v) => change(f.key, v)} hint={f.hint} testId={`option-${f.key}`} />
        ) : (
          <SelectField key={f.key} label={f.label} value={String(values[f.key])} options={f.choices} onChange={(v) => change(f.key, v)} testId={`option-${f.key}`} />
        ),
      )}
    </>
  );
}
