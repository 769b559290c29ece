// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, type IpsecStudioApi } from '../../shared/ipc/contract';
import { contextBridge, ipcRenderer } from '../mocks/electron';
import type { DragEventLike } from '../../electron/preload';

vi.mock('electron', () => import('../mocks/electron'));

describe('preload', () => {
  let api: IpsecStudioApi;
  beforeAll(async () => {
    await import('../../electron/preload');
    api = contextBridge.exposed.get('ipsecStudio') as IpsecStudioApi;
  });

  it('exposes exactly invoke, on and platform as window.ipsecStudio', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['ipsecStudio']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'platform']);
    expect(api.platform).toBe(process.platform);
  });

  it('invokes contract channels and refuses anything else without touching IPC', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ copies: [] });
    await expect(api.invoke('recovery:list', {})).resolves.toEqual({ copies: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('recovery:list', {});
    ipcRenderer.invoke.mockClear();
    for (const channel of ['shell:exec', 'shell:files-dropped', '__proto__', 'constructor']) {
      await expect(api.invoke(channel as 'recovery:list', {})).rejects.toThrow(`unknown channel: ${channel}`);
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('subscribes to contract events only, passes the payload without the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.on('menu:command', listener);
    ipcRenderer.emit('menu:command', { sender: 'secret' }, { command: 'save' });
    expect(listener).toHaveBeenCalledWith({ command: 'save' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    ipcRenderer.emit('menu:command', {}, { command: 'open' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(() => api.on('ipc:anything' as 'menu:command', listener)).toThrow(/unknown event channel/);
    for (const channel of EVENT_CHANNELS) api.on(channel, () => undefined)();
    expect(ipcRenderer.eventNames()).toEqual([]);
  });

  describe('file drops (the trust boundary in preload.ts)', () => {
    type Listener = (e: DragEventLike) => void;
    const setupDrops = async () => {
      const { installDropListeners } = await import('../../electron/preload');
      const listeners = new Map<string, { fn: Listener; capture: boolean }>();
      const target = { addEventListener: (type: string, fn: Listener, capture: boolean) => listeners.set(type, { fn, capture }) };
      const sent: string[][] = [];
      installDropListeners(target, (paths) => sent.push(paths), (f) => (f as { path?: string }).path ?? '');
      const drop = (isTrusted: boolean, files: unknown[], types = ['Files']) => {
        const e = { isTrusted, dataTransfer: { types, files, dropEffect: 'none' }, preventDefault: vi.fn() };
        listeners.get('drop')?.fn(e);
        return e;
      };
      return { listeners, sent, drop };
    };

    it('listens in the capture phase, and accepts file drags only', async () => {
      const { listeners } = await setupDrops();
      expect(listeners.get('drop')?.capture).toBe(true);
      expect(listeners.get('dragover')?.capture).toBe(true);
      const over = (types: string[], isTrusted = true) => {
        const e = { isTrusted, dataTransfer: { types, files: [], dropEffect: 'none' }, preventDefault: vi.fn() };
        listeners.get('dragover')?.fn(e);
        return e.preventDefault.mock.calls.length > 0;
      };
      expect(over(['Files'])).toBe(true);
      expect(over(['application/x-ipsec-studio-palette'])).toBe(false);
      expect(over(['Files'], false)).toBe(false);
    });

    it('sends the paths of a trusted drop of files on disk', async () => {
      const { sent, drop } = await setupDrops();
      drop(true, [{ path: '/home/me/lab.json' }, { path: '/home/me/b.json' }]);
      expect(sent).toEqual([['/home/me/lab.json', '/home/me/b.json']]);
    });

    it('a synthetic drop from the page, or a File not backed by disk, sends nothing', async () => {
      const { sent, drop } = await setupDrops();
      drop(false, [{ path: '/home/me/.bashrc' }]);
      drop(true, [{ path: '' }, {}]);
      drop(true, [{ path: '/x.json' }], ['text/plain']);
      expect(sent).toEqual([]);
    });
  });
});
