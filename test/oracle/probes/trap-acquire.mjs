// Probe: what real charon 5.9.8 proposes when a packet hits a trap policy (start_action = trap),
// both ends charon in their own namespaces through the ike-rigs harness (kernel-netlink + ikeshim:
// policies and acquires are the kernel's, SA installs are faked). The initiator's child is
// 10.1.0.0/16 <-> 10.2.0.0/16 (the responder's the mirror); a packet from 10.1.0.10 (on lo) to
// 10.2.0.10 triggers it. Prints the acquire and the responder's "looking for a child config" line,
// which lists TSi/TSr as received. What it showed is in trap-acquire.observed.txt.
//
//   sudo IKE_RIGS_DIR=/path/to/shared/tools/ike-rigs node trap-acquire.mjs 2|1 [tcp|udp]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const rigs = process.env.IKE_RIGS_DIR ?? resolve(here, '../../../../shared/tools/ike-rigs');
const { CharonSide, Net, newTag, workDir, dropWorkDir, ensureShim, requireSetup, run, sleep } = await import(join(rigs, 'lib.mjs'));

const version = Number(process.argv[2] ?? 2);
const proto = process.argv[3] ?? 'tcp';
const trigger = proto === 'udp' ? 'echo x > /dev/udp/10.2.0.10/53' : 'exec 3<>/dev/tcp/10.2.0.10/443';
requireSetup(['charon']);
ensureShim();
process.env.OD_NS_PREFIX ??= 'trap';
const tag = newTag();
const net = new Net(tag);
const dir = workDir(tag);
const sides = {};
const child = (local, remote) => ({ ike: 'aes128-sha256-modp2048', psk: 'x'.repeat(20), children: [{ name: 'net', local_ts: [local], remote_ts: [remote], esp: 'aes128-sha256' }] });
try {
  net.up();
  const conf = { initiator: child('10.1.0.0/16', '10.2.0.0/16'), responder: child('10.2.0.0/16', '10.1.0.0/16') };
  for (const role of ['initiator', 'responder']) {
    const s = new CharonSide(role, join(dir, role), net.ns[role]);
    s.writeConf({ version }, conf[role]);
    if (role === 'initiator') writeFileSync(s.conf, readFileSync(s.conf, 'utf8').replace('esp_proposals = aes128-sha256\n', 'esp_proposals = aes128-sha256\n        start_action = trap\n'));
    await s.start();
    const err = s.load();
    if (err) throw new Error(`${role} load: ${err}`);
    sides[role] = s;
  }
  const ns = net.ns.initiator;
  run(['ip', '-n', ns, 'addr', 'add', '10.1.0.10/32', 'dev', 'lo']);
  run(['ip', '-n', ns, 'route', 'add', '10.2.0.0/16', 'via', '192.0.2.2', 'src', '10.1.0.10']);
  run(['ip', 'netns', 'exec', ns, 'timeout', '2', 'bash', '-c', trigger], { timeout: 5000 });
  await sleep(3000);
  console.log(`strongSwan 5.9.8 charon both ends, IKEv${version}, ${proto} packet 10.1.0.10 -> 10.2.0.10`);
  for (const role of ['initiator', 'responder']) {
    const lines = readFileSync(sides[role].log, 'utf8').split('\n').filter((l) => /acquire job|looking for a child config|proposing traffic selectors|\[CFG\] {2}\S+$|established with SPIs/.test(l));
    console.log(`-- ${role}\n${lines.map((l) => l.replace(/^[0-9:]+ \d+/, '')).join('\n')}`);
  }
} finally {
  for (const s of Object.values(sides)) await s.stop();
  net.down();
  dropWorkDir(dir);
}
