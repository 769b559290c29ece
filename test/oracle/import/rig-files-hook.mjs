// Preloaded (NODE_OPTIONS=--import) into the ike-rigs drivers by import-real-configs.test.ts, so a
// driver runs REAL configuration files instead of the ones it writes from the case, the driver
// itself (maintained outside the project) staying as it is. The driver writes each end's files as
// `<workdir>/<initiator|responder>/<name>`; when ORACLE_REAL_FILES names a directory holding
// `<case id>/<role>/<name>` (the case id read from the case file the driver was given), that
// file's text is written instead: ipsec.conf and ipsec.secrets for pluto, iked.conf for iked, swanctl.conf for charon
// (the driver's strongswan.conf, which only sets up the daemon, stays). Each replacement is
// recorded as `<case id>/<role>/<name>.used` beside the given file, which the test requires, so a
// driver that stopped writing its files this way cannot go unnoticed. Nothing is replaced for a
// case without such a directory.
import fs from 'node:fs';
import process from 'node:process';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, join } from 'node:path';

const root = process.env.ORACLE_REAL_FILES;
let caseId;
try {
  const file = process.argv.slice(2).find((a) => a.endsWith('.json'));
  caseId = root && file ? JSON.parse(fs.readFileSync(file, 'utf8')).id : undefined;
} catch {
  caseId = undefined;
}
const REPLACED = new Set(['ipsec.conf', 'ipsec.secrets', 'swanctl.conf', 'iked.conf']);
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function replacing(path, data, ...rest) {
  if (caseId && typeof path === 'string' && REPLACED.has(basename(path))) {
    const role = basename(dirname(path));
    const given = join(root, caseId, role, basename(path));
    if ((role === 'initiator' || role === 'responder') && fs.existsSync(given)) {
      writeFileSync.call(this, `${given}.used`, path);
      return writeFileSync.call(this, path, fs.readFileSync(given, 'utf8'), ...rest);
    }
  }
  return writeFileSync.call(this, path, data, ...rest);
};
// The drivers import writeFileSync by name from node:fs: make that binding the one above.
syncBuiltinESMExports();
