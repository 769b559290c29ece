// The `ipsec-studio` command line. Each subcommand lives in its own file under ./commands and
// is listed once in SUBCOMMANDS.
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { simulateCommand } from './commands/simulate';
import { EXIT_INVALID, EXIT_OK, type CliIo, type Subcommand } from './io';
import { terminalLine } from './terminal';

const SUBCOMMANDS: Subcommand[] = [checkCommand, exportCommand, importCommand, simulateCommand];

function usage(): string {
  const width = Math.max(...SUBCOMMANDS.map((c) => c.name.length), 4);
  return [
    'Usage: ipsec-studio <command> [options]',
    '',
    'Commands:',
    ...SUBCOMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 all up / delivered, 1 something fails, 2 invalid input.',
    "Run 'ipsec-studio <command> --help' for a command's options.",
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name === undefined ? EXIT_INVALID : EXIT_OK;
  }
  const cmd = SUBCOMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`${terminalLine(`ipsec-studio: unknown command "${name}"`)}\n${usage()}\n`);
    return EXIT_INVALID;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${cmd.usage}\n`);
    return EXIT_OK;
  }
  return cmd.run(rest, io);
}
