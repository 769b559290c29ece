import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../shared/ipc/contract';

const exportOf = (name: string) => ({ files: [{ name, content: 'x' }], as: 'folder' });

describe('export:save file names', () => {
  it.each(['CON', 'con', 'NUL.txt', 'nul.tar.gz', 'COM1', 'com9.cfg', 'LPT1', 'Lpt9.x', 'PRN', 'AUX.conf', 'a.', 'a ', 'x.conf.', 'x.conf '])('refuses %j', (name) => {
    const r = checkRequest('export:save', exportOf(name));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^export:save: invalid files\.0\.name: /);
  });

  it.each(['CONFIG.txt', 'console.conf', 'COM10.txt', 'LPT0', 'nul-route.cfg', 'hq-fw.conf', 'a b.txt'])('accepts %j', (name) => {
    expect(checkRequest('export:save', exportOf(name)).ok).toBe(true);
  });
});
