// Probe: what real Libreswan 4.10 pluto proposes when a packet hits its on-demand policy
// (auto=ondemand), against real charon 5.9.8 as responder, through the ike-rigs harness (XFRM
// policies and acquires are the kernel's, SA writes neutralised by ikeshim). pluto's connection is
// 10.1.0.0/16 <-> 10.2.0.0/16 (charon's the mirror); a packet from 10.1.0.10 (on lo) to 10.2.0.10
// triggers it. Prints pluto's acquire lines and charon's "looking for a child config" line, which
// lists TSi/TSr as received. What it showed is in trap-acquire-pluto.observed.txt.
//
//   sudo IKE_RIGS_DIR=/path/to/shared/tools/ike-rigs node trap-acquire-pluto.mjs 2|1 [tcp|udp]
import console from 'node:console';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const rigs = process.env.IKE_RIGS_DIR ?? resolve(here, '../../../../shared/tools/ike-rigs');
const { CharonSide, Net, newTag, workDir, dropWorkDir, ensureShim, requireSetup, run, sleep, startDaemon, stopPid, waitFor, LIBRESWAN_ROOT, SHIM } = await import(join(rigs, 'lib.mjs'));

const version = Number(process.argv[2] ?? 2);
const proto = process.argv[3] ?? 'udp';
const trigger = proto === 'udp' ? 'echo x > /dev/udp/10.2.0.10/53' : 'exec 3<>/dev/tcp/10.2.0.10/443';
const EXE = join(LIBRESWAN_ROOT, 'usr/libexec/ipsec');
const LENV = { LD_LIBRARY_PATH: join(LIBRESWAN_ROOT, 'usr/lib/x86_64-linux-gnu') };
requireSetup(['charon', 'pluto']);
ensureShim();
process.env.OD_NS_PREFIX ??= 'trapl';
const tag = newTag();
const net = new Net(tag);
const dir = workDir(tag);
const psk = 'x'.repeat(20);
let charon;
let plutoPid;
try {
  net.up();
  charon = new CharonSide('responder', join(dir, 'responder'), net.ns.responder);
  charon.writeConf({ version }, { ike: 'aes128-sha256-modp2048', psk, children: [{ name: 'net', local_ts: ['10.2.0.0/16'], remote_ts: ['10.1.0.0/16'], esp: 'aes128-sha256' }] });
  await charon.start();
  const err = charon.load();
  if (err) throw new Error(`charon load: ${err}`);
  const d = join(dir, 'initiator');
  for (const x of ['run/pluto', 'ipsec.d', 'nss']) mkdirSync(join(d, x), { recursive: true });
  run(['certutil', '-N', '-d', `sql:${join(d, 'nss')}`, '--empty-password']);
  writeFileSync(join(d, 'ipsec.conf'), `config setup\n\tplutodebug=base\n\tlogappend=no\n${version === 1 ? '\tikev1-policy=accept\n' : ''}\nconn net\n\tikev2=${version === 2 ? 'yes' : 'no'}\n\tauthby=secret\n\tleft=192.0.2.1\n\tleftid=@a\n\tleftsubnet=10.1.0.0/16\n\tright=192.0.2.2\n\trightid=@b\n\trightsubnet=10.2.0.0/16\n\tike=aes128-sha2_256-modp2048\n\tesp=aes128-sha2_256\n\tpfs=no\n\tleftupdown=""\n\tauto=ondemand\n\tkeyingtries=1\n\tretransmit-interval=1000\n\tretransmit-timeout=6s\n`);
  writeFileSync(join(d, 'ipsec.secrets'), `@a @b 192.0.2.1 192.0.2.2 : PSK "${psk}"\n`);
  chmodSync(join(d, 'ipsec.secrets'), 0o600);
  const log = join(d, 'pluto.log');
  plutoPid = startDaemon(['ip', 'netns', 'exec', net.ns.initiator, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
    `mount --bind '${d}/run' /run && mount --bind '${LIBRESWAN_ROOT}/usr/libexec' /usr/libexec && exec '${EXE}/pluto' --config '${d}/ipsec.conf' --nofork --logfile '${log}' --nssdir '${d}/nss' --secretsfile '${d}/ipsec.secrets' --ipsecdir '${d}/ipsec.d'`],
  { out: join(d, 'stdout.log'), env: { ...LENV, LD_PRELOAD: SHIM, SHIM_LOG: join(d, 'shim.log') } });
  const text = (f) => { try { return readFileSync(f, 'utf8'); } catch { return ''; } };
  if (!(await waitFor(() => /loading secrets from/.test(text(log)) && /"net": added/.test(text(log)), { timeout: 10000, step: 50 }))) throw new Error(`pluto did not start: ${text(log).slice(-800)}`);
  await sleep(500);
  const ns = net.ns.initiator;
  run(['ip', '-n', ns, 'addr', 'add', '10.1.0.10/32', 'dev', 'lo']);
  run(['ip', '-n', ns, 'route', 'add', '10.2.0.0/16', 'via', '192.0.2.2', 'src', '10.1.0.10']);
  const pol = run(['ip', '-n', ns, 'xfrm', 'policy']).out;
  run(['ip', 'netns', 'exec', ns, 'timeout', '2', 'bash', '-c', trigger], { timeout: 5000 });
  await sleep(4000);
  console.log(`Libreswan 4.10 pluto initiator (auto=ondemand), strongSwan 5.9.8 charon responder, IKEv${version}, ${proto} packet 10.1.0.10 -> 10.2.0.10`);
  console.log(`-- pluto's kernel policies before the packet: ${/dir out/.test(pol) ? 'an outbound trap policy is installed' : 'NO outbound policy'}`);
  console.log(`-- pluto\n${text(log).split('\n').map((l) => l.replace(/^\w{3} [ \d]\d [\d:.]+: /, '')).filter((l) => !l.startsWith('|') && /acquire|initiat|established|Child SA|IPsec SA|traffic selector|sent/i.test(l)).join('\n')}`);
  console.log(`-- charon\n${text(charon.log).split('\n').filter((l) => /looking for a child config|established with SPIs|unacceptable/.test(l)).map((l) => l.replace(/^[0-9:]+ \d+/, '')).join('\n')}`);
} finally {
  if (plutoPid) await stopPid(plutoPid);
  if (charon) await charon.stop();
  net.down();
  dropWorkDir(dir);
}
