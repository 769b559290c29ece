// `ipsec-studio import`: reads device configurations (each product recognised from its text, or
// given as vendor:path) and writes one topology file, with what was understood of each file on
// stderr. Exit 0: imported; 2: nothing imported (a file unreadable, binary, of no known product).
import { serializeDocument } from '../../document/file';
import { parseArgs } from '../args';
import { EXIT_INVALID, EXIT_OK, type CliIo, type Subcommand } from '../io';
import { importConfigFiles, importSummary } from '../load-configs';
import { terminalJson, terminalLine, terminalLines } from '../terminal';

const USAGE = `Usage: ipsec-studio import <config>... -o <topology.json> [--initiator GATEWAY] [--include-secrets] [--json]

Reads the running configuration of each device (PAN-OS set commands or XML, Junos set or
hierarchical, ASA, IOS-XE, FortiGate, ScreenOS, strongSwan, Libreswan, OpenIKED; the product is
recognised from the text, or write vendor:path) and builds one topology: gateways, the networks behind them, tunnels paired by their
IKE addresses and identities; a peer whose configuration is not given becomes an external gateway.

Options:
  -o, --output <file>  the topology file to write (required unless --json)
  --initiator GATEWAY  this gateway (its hostname, or the file name without suffix) initiates
                       the tunnels it ends, unless its end only answers (default: the end that
                       does not only answer, else the first file's)
  --include-secrets    keep pre-shared keys found in clear (default: placeholders)
  --json               print { document, files, peers } as JSON

Exit codes: 0 imported; 2 nothing imported (the message says which file and why).`;

export const importCommand: Subcommand = {
  name: 'import',
  summary: 'build a topology from the devices\' running configurations',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { output: { type: 'string', short: 'o' }, initiator: { type: 'string' }, 'include-secrets': { type: 'boolean' }, json: { type: 'boolean' } });
    const refuse = (message: string) => {
      io.stderr(`${terminalLine(`ipsec-studio import: ${message}`)}\n${USAGE}\n`);
      return EXIT_INVALID;
    };
    if (!parsed.ok) return refuse(parsed.message);
    const { positionals, options } = parsed.value;
    if (positionals.length === 0) return refuse('at least one configuration file is required');
    const output = options.output as string | undefined;
    if (output === undefined && !options.json) return refuse('say where to write the topology: -o topology.json (or --json)');
    const loaded = await importConfigFiles(io, 'import', positionals, options['include-secrets'] === true);
    if (!loaded.ok) return loaded.exit;
    const { files, peers } = loaded.result;
    let document = loaded.result.document;
    const initiator = options.initiator as string | undefined;
    if (initiator !== undefined) {
      const g = document.gateways.find((x) => x.name === initiator || x.id === initiator);
      if (!g) return refuse(`no imported gateway is named "${initiator}" (gateways: ${document.gateways.map((x) => x.name).join(', ')})`);
      const own = (t: (typeof document.tunnels)[number]) => (t.a.gatewayId === g.id && !t.a.passive ? 'a' : t.b.gatewayId === g.id && !t.b.passive ? 'b' : undefined);
      if (!document.tunnels.some((t) => own(t) !== undefined)) return refuse(`gateway "${initiator}" initiates none of the tunnels (it ends none, or its ends only answer)`);
      // Chosen at import time: the boxes as imported have it too (the diff since the import starts from it).
      const tunnels = document.tunnels.map((t) => ({ ...t, initiator: own(t) ?? t.initiator }));
      document = { ...document, tunnels, ...(document.imported ? { imported: { ...document.imported, tunnels } } : {}) };
    }
    if (options.json) io.stdout(terminalJson({ document, files, peers }));
    if (output !== undefined) await io.writeFile(output, serializeDocument(document));
    io.stderr(terminalLines([...importSummary(loaded.result), ...(output !== undefined ? [`wrote ${output}: ${document.gateways.length} gateways, ${document.networks.length} networks, ${document.tunnels.length} tunnels`] : [])]));
    return EXIT_OK;
  },
};
