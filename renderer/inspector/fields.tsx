// Inspector fields. A text field keeps what the user types locally, validates it as they type,
// and dispatches only valid values (typing in one field is one undo step: mergeKey). An invalid
// value stays visible with its message until fixed; undo or another edit resets the text.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Command } from '../../shared/commands/commands';
import type { Editor } from '../../shared/commands/editor';

export type Validate = (text: string) => string | undefined;

/** `tunnels[0].a.outsideInterface: interface names may use…` → the sentence (the field is the one being typed in). */
function withoutPath(message: string): string {
  const m = /^[^\s:]+: (.+)$/s.exec(message);
  return m?.[1] ?? message;
}

export function TextField(props: {
  editor: Editor;
  label: string;
  value: string;
  /** Builds the command for a valid text. */
  command: (text: string) => Command;
  validate?: Validate;
  mergeKey: string;
  mono?: boolean;
  placeholder?: string;
  hideLabel?: boolean;
  testId?: string;
  multiline?: boolean;
  /** Key material: masked until the person presses Show, and masked again for another field (the inspector may be on a projector). */
  secret?: boolean;
}) {
  const { editor, label, value, command, validate, mergeKey, mono, placeholder, hideLabel, testId, multiline, secret } = props;
  const [text, setText] = useState(value);
  // Revealed for one field only: the same component shows another end or tunnel (another mergeKey) masked.
  const [revealedFor, setRevealedFor] = useState<string | undefined>();
  const revealed = revealedFor === mergeKey;
  const [error, setError] = useState<string | undefined>();
  const focused = useRef(false);
  const id = useId();
  // Follow the document when it changes under us (undo, a fix, another field) unless mid-edit with an error.
  useEffect(() => {
    if (!focused.current || error === undefined) {
      setText(value);
      setError(undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const onChange = (t: string) => {
    setText(t);
    const e = validate?.(t);
    setError(e);
    if (e !== undefined || t === value) return;
    // The document refuses what the file format cannot hold (shared/commands/editor.ts): say why
    // here, next to the field, instead of dropping the keystroke silently.
    const r = editor.dispatch(command(t), { mergeKey });
    if (!r.ok) setError(withoutPath(r.message));
  };
  const common = {
    id,
    value: text,
    className: `input${mono ? ' mono' : ''}${error ? ' is-invalid' : ''}`,
    'aria-invalid': error !== undefined,
    'aria-describedby': error ? `${id}-err` : undefined,
    placeholder,
    'data-testid': testId,
    'aria-label': hideLabel ? label : undefined,
    spellCheck: false,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      editor.closeMerge();
    },
  };
  return (
    <div className={`field${hideLabel ? ' field-bare' : ''}`}>
      {!hideLabel && <label htmlFor={id}>{label}</label>}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : secret ? (
        <div className="field-row">
          <input {...common} type={revealed ? 'text' : 'password'} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
          <button type="button" className="btn small" aria-pressed={revealed} aria-controls={id} aria-label={`Show the ${label.toLowerCase()}`} onClick={() => setRevealedFor(revealed ? undefined : mergeKey)}>
            Show
          </button>
        </div>
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <div className="field-error" id={`${id}-err`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function SelectField<T extends string | number>(props: {
  label: string;
  value: T;
  options: readonly (T | { value: T; label: string })[];
  onChange: (v: T) => void;
  testId?: string;
  hideLabel?: boolean;
}) {
  const id = useId();
  const opts = props.options.map((o) => (typeof o === 'object' ? o : { value: o, label: String(o) }));
  return (
    <div className={`field${props.hideLabel ? ' field-bare' : ''}`}>
      {!props.hideLabel && <label htmlFor={id}>{props.label}</label>}
      <select
        id={id}
        className="input"
        value={String(props.value)}
        data-testid={props.testId}
        aria-label={props.hideLabel ? props.label : undefined}
        onChange={(e) => {
          const o = opts.find((x) => String(x.value) === e.target.value);
          if (o) props.onChange(o.value);
        }}
      >
        {opts.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string; testId?: string }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={props.checked} data-testid={props.testId} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <span className="hint">{props.hint}</span>}
    </div>
  );
}

/** A set of checkboxes for a multi-valued attribute (encryption, integrity, DH groups). */
/**
 * Checkboxes for a set of choices. `unavailable` names the choices this product does not have,
 * with the reason: they cannot be turned on, and one already on (from a file or another vendor)
 * is marked so the user can turn it off.
 */
export function MultiCheck<T extends string | number>(props: { legend: string; options: readonly T[]; value: readonly T[]; onChange: (v: T[]) => void; format?: (v: T) => string; error?: string; unavailable?: ReadonlyMap<T, string> }) {
  const reasons = [...new Set(props.options.filter((o) => props.value.includes(o) && props.unavailable?.has(o)).map((o) => props.unavailable?.get(o) as string))];
  return (
    <fieldset className="multi-check">
      <legend>{props.legend}</legend>
      <div className="chips">
        {props.options.map((o) => {
          const on = props.value.includes(o);
          const why = props.unavailable?.get(o);
          return (
            <label key={String(o)} className={`chip${on ? ' is-on' : ''}${why ? ' is-unavailable' : ''}`} title={why}>
              <input
                type="checkbox"
                checked={on}
                disabled={why !== undefined && !on}
                aria-description={why}
                onChange={(e) => {
                  const next = e.target.checked ? [...props.value, o] : props.value.filter((x) => x !== o);
                  props.onChange(props.options.filter((x) => next.includes(x)));
                }}
              />
              {props.format ? props.format(o) : String(o)}
            </label>
          );
        })}
      </div>
      {reasons.map((r) => (
        <div key={r} className="field-error" role="note">
          Not available on this product: {r}
        </div>
      ))}
      {props.error && <div className="field-error">{props.error}</div>}
    </fieldset>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="inspector-section" aria-label={title}>
      <header>
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  );
}
