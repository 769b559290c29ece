// `ipsec-studio simulate`: walks one packet (and its reply) through a topology file, step by
// step, with on-demand negotiation by the real engine. Exit 0: delivered both ways; 1: dropped,
// blackholed or one-way; 2: invalid input.
import { engineNegotiator } from '../../monitor/engine-negotiator';
import { walkPacket, type LegResult, type WalkResult } from '../../walk/walk';
import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, type CliIo, type Subcommand } from '../io';
import { loadTopologyFile } from '../load';
import { terminalJson, terminalLine, terminalLines } from '../terminal';

const USAGE = `Usage: ipsec-studio simulate <file> --from <ip|host> --to <ip|host> [--proto tcp|udp|icmp|<n>] [--port <n>] [--json]

Walks a packet from --from to --to through the topology, gateway by gateway (route lookup,
proxy-ID check or crypto map, SA selection or on-demand negotiation, security policy, NAT,
encryption, the peer's inbound check, delivery), then the reply.

Options:
  --from <ip|host>   source address, or the name or id of a host or network on the canvas
  --to <ip|host>     destination, the same way
  --proto <p>        tcp (default), udp, icmp, or an IP protocol number
  --port <n>         destination port for tcp/udp (default 443 for tcp, 53 for udp)
  --json             print the walk as JSON

Exit codes: 0 delivered both ways; 1 dropped, blackholed or one-way; 2 invalid input.`;

function legLine(name: string, r: LegResult | undefined): string {
  if (!r) return `${name}: not sent`;
  if (r.result === 'delivered') return `${name}: delivered by ${r.gatewayName}`;
  return `${name}: ${r.result} at ${r.step}${r.gatewayName ? ` on ${r.gatewayName}` : ''} (${r.code})`;
}

function human(w: WalkResult): string {
  const lines = [`${w.request.from} -> ${w.request.to} protocol ${w.request.protocol}${w.request.port !== undefined ? ` port ${w.request.port}` : ''}`, ''];
  let leg = '';
  w.steps.forEach((s, i) => {
    if (s.leg !== leg) {
      leg = s.leg;
      lines.push(leg === 'forward' ? 'Forward:' : 'Reply:');
    }
    lines.push(`  ${String(i + 1).padStart(2)}. [${s.ok ? ' ok ' : 'FAIL'}] ${(s.gatewayName ?? '').padEnd(14)} ${s.kind.padEnd(16)} ${s.title}`);
    lines.push(`      ${s.detail}`);
  });
  lines.push('', legLine('forward', w.forward), legLine('reply', w.reply), `outcome: ${w.outcome.toUpperCase()}`, w.summary);
  return terminalLines(lines);
}

export const simulateCommand: Subcommand = {
  name: 'simulate',
  summary: 'walk a packet and its reply through the topology, step by step (packet walk)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { from: { type: 'string' }, to: { type: 'string' }, proto: { type: 'string' }, port: { type: 'string' }, json: { type: 'boolean' } });
    const fail = (message: string) => {
      io.stderr(`${terminalLine(`ipsec-studio simulate: ${message}`)}\n${USAGE}\n`);
      return EXIT_INVALID;
    };
    if (!parsed.ok) return fail(parsed.message);
    const { positionals, options } = parsed.value;
    if (positionals.length !== 1) return fail(positionals.length === 0 ? 'a topology file is required' : `one topology file at a time (got ${positionals.length})`);
    const from = options.from as string | undefined;
    const to = options.to as string | undefined;
    if (!from || !to) return fail('--from and --to are both required');
    const portText = options.port as string | undefined;
    let port: number | undefined;
    if (portText !== undefined) {
      if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return fail(`--port "${portText}" is not a port 0-65535`);
      port = Number(portText);
    }
    const file = positionals[0] as string;
    const loaded = await loadTopologyFile(io, 'simulate', file);
    if (!loaded.ok) return loaded.exit;
    const proto = options.proto as string | undefined;
    const r = walkPacket(loaded.document, { from, to, ...(proto !== undefined ? { protocol: proto } : {}), ...(port !== undefined ? { port } : {}) }, { negotiate: engineNegotiator, now: 0 });
    if (!r.ok) {
      io.stderr(terminalLine(`ipsec-studio simulate: ${r.code}: ${r.message}`));
      return EXIT_INVALID;
    }
    const w = r.value;
    if (options.json) {
      const { monitor: _monitor, ...rest } = w;
      io.stdout(terminalJson(rest));
    } else io.stdout(human(w));
    return w.outcome === 'delivered' ? EXIT_OK : EXIT_FAILED;
  },
};
