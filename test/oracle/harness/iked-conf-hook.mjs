// Preloaded (`node --import`) into the ike-rigs driver iked-case.mjs by rigs.ts when a run gives
// its own iked.conf (RigRequest.ikedConf): the driver writes `<workdir>/<role>/iked.conf` from the
// case, and this puts the given file's text there instead, so iked runs that file while the driver
// (maintained outside the project) stays as it is. Announces each replacement on stderr, which
// rigs.ts requires, so a driver that stopped writing the file this way cannot go unnoticed.
import fs from 'node:fs';
import process from 'node:process';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname } from 'node:path';

const given = { initiator: process.env.ORACLE_IKED_CONF_INITIATOR, responder: process.env.ORACLE_IKED_CONF_RESPONDER };
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function replacing(path, data, ...rest) {
  if (typeof path === 'string' && basename(path) === 'iked.conf') {
    const role = basename(dirname(path));
    const file = role === 'initiator' || role === 'responder' ? given[role] : undefined;
    if (file) {
      process.stderr.write(`iked.conf of the ${role} replaced by ${file}\n`);
      return writeFileSync.call(this, path, fs.readFileSync(file, 'utf8'), ...rest);
    }
  }
  return writeFileSync.call(this, path, data, ...rest);
};
// The driver imports writeFileSync by name from node:fs: make that binding the one above.
syncBuiltinESMExports();
