// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, type IpsecStudioApi } from '../../shared/ipc/contract';
import { contextBridge, ipcRenderer } from '../mocks/electron';

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
    ipcRenderer.invoke.mockResolvedValueOnce({ paths: [] });
    await expect(api.invoke('file:recent', {})).resolves.toEqual({ paths: [] });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('file:recent', {});
    ipcRenderer.invoke.mockClear();
    await expect(api.invoke('shell:exec' as 'file:recent', {})).rejects.toThrow('unknown channel: shell:exec');
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
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
});
