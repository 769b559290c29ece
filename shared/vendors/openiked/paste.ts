// What to do on an OpenIKED box for a changed iked.conf: put the new file in place, check it, and
// reload it. iked(8) "-n": "Configtest mode. Only check the configuration file for validity."
// ikectl(8) "reload": "Reload the configuration file." (OpenBSD 7.2 manual pages). iked refuses a
// file another user may read or that root does not own (parse.y `check_file_secrecy`, OpenIKED 7.2).
import { applyFile, fileScript, type VendorPaste } from '../kit/paste';

export const openikedPaste: VendorPaste = {
  keepsBoxNames: false,
  commands(before, after) {
    return fileScript(before, after, ['/etc/iked.conf'], ['iked -n -f /etc/iked.conf', 'ikectl reload'], ['iked reads the file only when it is owned by root and not readable by others (mode 600).']);
  },
  apply: applyFile,
};
