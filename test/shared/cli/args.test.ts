import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/cli/args';
import type { CliIo } from '../../../shared/cli/io';
import { runCli } from '../../../shared/cli/main';

const spec = { json: { type: 'boolean' as const }, tunnel: { type: 'string' as const, short: 't' }, gateway: { type: 'string' as const, multiple: true } };

describe('parseArgs', () => {
  it('reads positionals, flags, values, short names, = and repeats', () => {
    const r = parseArgs(['file.json', '--json', '-t', 'x', '--gateway=a', '--gateway', 'b'], spec);
    expect(r).toEqual({ ok: true, value: { positionals: ['file.json'], options: { json: true, tunnel: 'x', gateway: ['a', 'b'] } } });
  });

  it.each([
    [['--colour'], 'unknown option --colour (accepted: --json, --tunnel, --gateway)'],
    [['-z'], 'unknown option -z (accepted: --json, --tunnel, --gateway)'],
    [['--tunnel'], '--tunnel needs a value'],
    [['--tunnel', '--json'], '--tunnel needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['--tunnel', 'a', '--tunnel', 'b'], '--tunnel was given twice'],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, message });
  });

  it('treats everything after -- as positional', () => {
    expect(parseArgs(['--', '--json'], spec)).toEqual({ ok: true, value: { positionals: ['--json'], options: {} } });
  });
});

describe('runCli', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const fake: CliIo = { readFile: async () => ({ ok: false, code: 'UNREADABLE', message: 'none' }), writeFile: async () => {}, mkdir: async () => {}, joinPath: (...p) => p.join('/'), stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
    return { fake, out, err };
  };

  it('exits 2 with usage on an unknown command', async () => {
    const { fake, err } = io();
    expect(await runCli(['frobnicate'], fake)).toBe(2);
    expect(err.join('')).toContain('unknown command "frobnicate"');
  });

  it('prints usage and exits 0 on --help', async () => {
    const { fake, out } = io();
    expect(await runCli(['--help'], fake)).toBe(0);
    expect(out.join('')).toContain('Usage: ipsec-studio <command>');
  });
});
