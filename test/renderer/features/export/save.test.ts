// The desktop save path: the renderer sends `export:save` with the generated files, and that
// payload passes the IPC contract's own validation (file names included, for any gateway name).
import { afterEach, describe, expect, it } from 'vitest';
import { checkRequest } from '../../../../shared/ipc/contract';
import { exportDocument } from '../../../../shared/export/export';
import { TEMPLATES } from '../../../../shared/templates/index';
import { saveFiles } from '../../../../renderer/features/export/save';

const g = globalThis as unknown as { window?: unknown };

afterEach(() => {
  delete g.window;
});

describe('saveFiles in the desktop app', () => {
  it('sends export:save with a payload the contract accepts, and reports where it went', async () => {
    const doc = TEMPLATES.find((t) => t.id === 'full-mesh')?.build();
    if (!doc) throw new Error('template');
    doc.gateways[0]!.name = 'Site A (Paris) / "old"';
    const { files } = exportDocument(doc, { skipEngineCheck: true });
    const calls: unknown[] = [];
    g.window = {
      ipsecStudio: {
        invoke: async (channel: string, request: unknown) => {
          calls.push(request);
          expect(channel).toBe('export:save');
          const checked = checkRequest('export:save', request);
          expect(checked.ok, checked.ok ? '' : checked.message).toBe(true);
          return { status: 'saved', name: 'configs' };
        },
      },
    };
    expect(await saveFiles(files, 'zip', 'x.zip')).toEqual({ status: 'saved', where: 'configs' });
    expect(calls).toHaveLength(1);
    expect((calls[0] as { as: string }).as).toBe('zip');
    expect((calls[0] as { files: { name: string }[] }).files.map((f) => f.name)).toContain('Site A -Paris- - -old-.swanctl.conf');
  });

  it('passes a cancel or an error through', async () => {
    g.window = { ipsecStudio: { invoke: async () => ({ status: 'error', message: 'disk full' }) } };
    expect(await saveFiles([{ name: 'a.txt', content: 'x' }], 'folder', 'x.zip')).toEqual({ status: 'error', message: 'disk full' });
    g.window = { ipsecStudio: { invoke: async () => ({ status: 'cancelled' }) } };
    expect(await saveFiles([{ name: 'a.txt', content: 'x' }], 'folder', 'x.zip')).toEqual({ status: 'cancelled' });
  });

  it('reports a refused call (an IPC rejection) as an error instead of throwing', async () => {
    g.window = { ipsecStudio: { invoke: async () => Promise.reject(new Error('export:save: invalid files.0.name: "CON" is a device name on Windows')) } };
    expect(await saveFiles([{ name: 'CON', content: 'x' }], 'folder', 'x.zip')).toEqual({ status: 'error', message: expect.stringMatching(/device name/) });
  });
});
