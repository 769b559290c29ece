// A product's own settings of a tunnel end or gateway, as its vendor module declares them
// (shared/vendors/<vendor>/options.ts): one generic editor, so no vendor is named here and a new
// product's settings appear without touching the inspector.
import type { Command } from '../../shared/commands/commands';
import type { VendorOptions } from '../../shared/model/document';
import { readOptions, type OptionValue, type VendorOptionSet } from '../../shared/vendors/kit/options';
import type { Editor } from '../../shared/commands/editor';
import { vendorModule } from '../../shared/vendors/registry';
import { CheckField, SelectField, TextField } from './fields';
import { validateOptionText } from './validate';

export function VendorOptionFields(props: {
  editor: Editor;
  vendor: string;
  where: 'gateway' | 'end';
  holder: { vendorOptions?: VendorOptions };
  /** The command that writes the holder's new vendorOptions. */
  write: (vendorOptions: VendorOptions) => Command;
  dispatch: (command: Command) => void;
}) {
  const { editor, vendor, where, holder, write, dispatch } = props;
  const set = vendorModule(vendor).options?.[where] as VendorOptionSet<Record<string, OptionValue>> | undefined;
  if (!set) return null;
  const values = readOptions(set, vendor, holder);
  const changed = (key: string, value: OptionValue) => {
    const own = holder.vendorOptions?.[vendor] ?? {};
    return write({ ...(holder.vendorOptions ?? {}), [vendor]: { ...own, [key]: value } });
  };
  const change = (key: string, value: OptionValue) => dispatch(changed(key, value));
  return (
    <>
      {set.fields.map((f) =>
        f.kind === 'boolean' ? (
          <CheckField key={f.key} label={f.label} checked={values[f.key] === true} onChange={(v) => change(f.key, v)} hint={f.hint} testId={`option-${f.key}`} />
        ) : f.kind === 'choice' ? (
          <SelectField key={f.key} label={f.label} value={String(values[f.key])} options={f.choices} onChange={(v) => change(f.key, v)} testId={`option-${f.key}`} />
        ) : (
          <TextField
            key={f.key}
            editor={editor}
            label={f.label}
            mono
            value={String(values[f.key])}
            validate={validateOptionText(f)}
            mergeKey={`option:${vendor}:${where}:${f.key}`}
            testId={`option-${f.key}`}
            command={(t) => changed(f.key, f.kind === 'number' ? Number(t) : t)}
          />
        ),
      )}
    </>
  );
}
