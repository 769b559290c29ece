// Which file the open document is, and which files the user has handed over: the paths the
// main process holds as capabilities. The page never names a path. A path gets here only from
// main's own sources: a native dialog's answer, the OS (open-file, the command line, a second
// instance), the Open Recent menu, a drop seen by the preload's isolated world (see preload.ts),
// or the recovery copy main itself wrote. A file handed over outside a dialog is offered to the
// page as an opaque token that opens that one file once.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

/** Offers not yet taken are dropped beyond this many (oldest first); a person hands over a few at most. */
const MAX_OFFERS = 16;

export interface OpenOffer {
  token: string;
  name: string;
}

export class DocumentSession {
  private currentPath: string | undefined;
  private readonly offers = new Map<string, string>();

  constructor(private readonly newToken: () => string = () => randomBytes(16).toString('hex')) {}

  /** The open document's file, or undefined for a document never saved (or after New). */
  get current(): string | undefined {
    return this.currentPath;
  }

  /** The open document is now this file (opened, saved as, or restored from its recovery copy). */
  adopt(path: string): void {
    this.currentPath = path;
  }

  forget(): void {
    this.currentPath = undefined;
  }

  /** Hands a file to the page as a single-use token. */
  offer(path: string): OpenOffer {
    const token = this.newToken();
    this.offers.set(token, path);
    while (this.offers.size > MAX_OFFERS) {
      const oldest = this.offers.keys().next().value;
      if (oldest === undefined) break;
      this.offers.delete(oldest);
    }
    return { token, name: displayName(path) };
  }

  /** The file a token stands for, once; a token seen before (or never issued) gives undefined. */
  take(token: string): string | undefined {
    const path = this.offers.get(token);
    this.offers.delete(token);
    return path;
  }
}

/** A file's name for the page: its base name, never where it lives. */
export function displayName(path: string): string {
  return (basename(path) || 'file').slice(0, 255);
}
