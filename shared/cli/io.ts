// What the command line needs from the outside world, injected so shared/ stays pure and the
// CLI is tested without touching the disk. Files are read as bytes: decoding them is the
// loader's job (decodeDocumentBytes), the same for the command line and the desktop.
export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  /** The file is larger than the reader was asked to read; nothing of it was read. */
  | { ok: false; code: 'TOO_LARGE'; size: number }
  | { ok: false; code: 'UNREADABLE'; message: string };

export interface CliIo {
  /** Reads the whole file, unless it is larger than `maxBytes`. */
  readFile(path: string, maxBytes: number): Promise<ReadResult>;
  writeFile(path: string, content: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  joinPath(...parts: string[]): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
/** Something in the design fails (a phase, a selector, a packet). */
export const EXIT_FAILED = 1;
/** The input could not be used: bad arguments, unreadable or invalid file. */
export const EXIT_INVALID = 2;

export interface Subcommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
