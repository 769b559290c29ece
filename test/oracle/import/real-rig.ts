// Real files run by the ike-rigs drivers (Libreswan pluto or OpenIKED iked beside charon):
// harness/rigs.ts runRigCase does everything around a driver (namespace prefixes, time limit,
// cleanup), and rig-files-hook.mjs, preloaded into the driver through NODE_OPTIONS, puts the given
// files in place of the ones the driver writes from the case. The case the driver gets only names
// the children/conns (the driver initiates the initiator's by name and waits until pluto has
// loaded each of its conns) and carries placeholder selectors and proposals, which are never used:
// every configuration file the daemons read is one given here, and the test checks that each was.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runRigCase } from '../harness/rigs';
import type { OtherDaemon, RigPlacement, RigRun } from '../harness/rigs';
import type { OracleSide } from '../harness/types';

export interface RealEnd {
  /** The files this end's daemon reads: `ipsec.conf` and `ipsec.secrets` (pluto), `swanctl.conf` (charon). */
  files: Record<string, string>;
  /**
   * Its children (charon), conns loaded with auto=add (pluto) or policies (iked), by name. For
   * iked also the policy's flows as the file writes them (its own side first): the iked driver
   * reads a child SA's flows from iked's log, and from the case when iked loaded them for an
   * earlier child SA of the same policy and does not log them again.
   */
  children: (string | { name: string; local_ts: string[]; remote_ts: string[] })[];
}

const ROOT = mkdtempSync(join(tmpdir(), 'ipsec-import-oracle-'));
let hooked = false;

/** Removes the given files (call once, after the runs). */
export function cleanRealFiles(): void {
  rmSync(ROOT, { recursive: true, force: true });
}

function side(end: RealEnd): OracleSide {
  // Placeholders: the driver writes a configuration from them, which the hook replaces.
  return {
    ike: 'aes256-sha256-modp2048',
    psk: 'unused',
    children: end.children.map((k) => (typeof k === 'string' ? { name: k, local_ts: ['10.255.0.0/24'], remote_ts: ['10.254.0.0/24'], esp: 'aes256-sha384' } : { ...k, esp: 'aes256-sha384' })),
  };
}

export async function runRealFiles(req: { id: string; version: 1 | 2; daemon: OtherDaemon; placement: Exclude<RigPlacement, 'both'>; initiator: RealEnd; responder: RealEnd; initiate: string[] }): Promise<RigRun> {
  if (!hooked) {
    // Only this test process's drivers are started with it; the hook does nothing for a case without files here.
    process.env['NODE_OPTIONS'] = `${process.env['NODE_OPTIONS'] ?? ''} --import=${pathToFileURL(join(import.meta.dirname, 'rig-files-hook.mjs')).href}`.trim();
    process.env['ORACLE_REAL_FILES'] = ROOT;
    hooked = true;
  }
  const given: string[] = [];
  for (const role of ['initiator', 'responder'] as const) {
    const dir = join(ROOT, req.id, role);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(req[role].files)) {
      writeFileSync(join(dir, name), text);
      given.push(join(dir, name));
    }
  }
  const run = await runRigCase({ case: { id: req.id, version: req.version, initiator: side(req.initiator), responder: side(req.responder), initiate: req.initiate }, daemon: req.daemon, placement: req.placement });
  const unused = given.filter((f) => !existsSync(`${f}.used`));
  if (unused.length > 0 && run.unsupported === null) throw new Error(`${req.id}: the driver did not read ${unused.join(', ')} (rig-files-hook.mjs replaced nothing there)`);
  return run;
}
