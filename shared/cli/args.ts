// A small, strict argument parser: unknown options are errors that say what is accepted.
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** May be given more than once (string options only). */
  multiple?: boolean;
}

export type ParsedArgs = {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
};

export type ArgsResult = { ok: true; value: ParsedArgs } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ArgsResult {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([name, s]) => [s.short as string, name]));
  const known = () => Object.keys(spec).map((n) => `--${n}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) inline = arg.slice(eq + 1);
    } else if (arg.startsWith('-') && arg.length > 1) {
      name = byShort.get(arg.slice(1));
      if (!name) return { ok: false, message: `unknown option ${arg} (accepted: ${known() || 'none'})` };
    } else {
      positionals.push(arg);
      continue;
    }
    const s = spec[name];
    if (!s) return { ok: false, message: `unknown option --${name} (accepted: ${known() || 'none'})` };
    if (s.type === 'boolean') {
      if (inline !== undefined) return { ok: false, message: `--${name} takes no value` };
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) return { ok: false, message: `--${name} needs a value` };
    if (s.multiple) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else if (options[name] !== undefined) return { ok: false, message: `--${name} was given twice` };
    else options[name] = value;
  }
  return { ok: true, value: { positionals, options } };
}
