// What the command line needs from the outside world, injected so shared/ stays pure and the
// CLI is tested without touching the disk.
export type ReadResult = { ok: true; text: string; bytes: number } | { ok: false; message: string };

export interface CliIo {
  readFile(path: string): Promise<ReadResult>;
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
