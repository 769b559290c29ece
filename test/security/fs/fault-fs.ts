// A real node:fs/promises with faults injected through the AtomicFs port: one operation (on the
// file system or on an open file handle) fails with an errno code, or the process "dies" at the
// n-th operation: that one and every later one fail, so no clean-up code runs, as after a kill.
import * as fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { AtomicFs } from '../../../electron/atomic-write';

export const realFs: AtomicFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink, stat: fs.stat, lstat: fs.lstat, realpath: fs.realpath, access: fs.access, mkdir: fs.mkdir, readdir: fs.readdir, readFile: fs.readFile };

export type Op = 'open' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'realpath' | 'access' | 'mkdir' | 'readdir' | 'readFile' | 'write' | 'sync' | 'close' | 'chmod' | 'chown' | 'fstat';

export function errno(code: string, op: string, path = ''): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${op} '${path}'`), { code, syscall: op, path });
}

/** Each operation as it is attempted: `(op, path)`; returning an error makes it fail with it. */
export type Fault = (op: Op, path: string) => Error | undefined;

function wrapHandle(handle: FileHandle, path: string, fault: Fault): FileHandle {
  const guard = (op: Op, run: () => Promise<unknown>) => {
    const e = fault(op, path);
    return e ? Promise.reject(e) : run();
  };
  return new Proxy(handle, {
    get(target, prop) {
      switch (prop) {
        case 'writeFile':
        case 'write':
          return (...args: unknown[]) => guard('write', () => (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        case 'sync':
        case 'datasync':
          return () => guard('sync', () => target.sync());
        case 'close':
          // A failing close still releases the descriptor (as the kernel does).
          return () => {
            const e = fault('close', path);
            return e ? target.close().then(() => Promise.reject(e), () => Promise.reject(e)) : target.close();
          };
        case 'chmod':
          return (mode: number) => guard('chmod', () => target.chmod(mode));
        case 'chown':
          return (uid: number, gid: number) => guard('chown', () => target.chown(uid, gid));
        case 'stat':
          return () => guard('fstat', () => target.stat());
        default: {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

export function faultyFs(fault: Fault, base: AtomicFs = realFs): AtomicFs {
  const g =
    <A extends unknown[], R>(op: Op, f: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const e = fault(op, String(args[0]));
      return e ? Promise.reject(e) : f(...args);
    };
  return {
    open: (async (path: string, flags?: string, mode?: number) => {
      const e = fault('open', String(path));
      if (e) throw e;
      return wrapHandle(await base.open(path, flags, mode), String(path), fault);
    }) as AtomicFs['open'],
    rename: g('rename', base.rename) as AtomicFs['rename'],
    unlink: g('unlink', base.unlink) as AtomicFs['unlink'],
    stat: g('stat', base.stat) as AtomicFs['stat'],
    lstat: g('lstat', base.lstat) as AtomicFs['lstat'],
    realpath: g('realpath', base.realpath) as AtomicFs['realpath'],
    access: g('access', base.access) as AtomicFs['access'],
    mkdir: g('mkdir', base.mkdir) as AtomicFs['mkdir'],
    readdir: g('readdir', base.readdir) as AtomicFs['readdir'],
    readFile: g('readFile', base.readFile) as AtomicFs['readFile'],
  };
}

/** Fails the first `op` whose path matches with `code`. */
export function failOnce(op: Op, code: string, matches: (path: string) => boolean = () => true): Fault {
  let done = false;
  return (o, path) => {
    if (done || o !== op || !matches(path)) return undefined;
    done = true;
    return errno(code, op, path);
  };
}

/** The process dies at operation number `at` (0-based): it and everything after it fail. */
export function killAt(at: number): Fault & { count: () => number } {
  let n = 0;
  const f = ((op: Op, path: string) => (n++ >= at ? errno('EKILLED', op, path) : undefined)) as Fault & { count: () => number };
  f.count = () => n;
  return f;
}
