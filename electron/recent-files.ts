// The Open Recent list: most recent first, no duplicates, at most MAX_RECENT entries, kept in a
// small JSON file in userData. A damaged list file is treated as empty rather than an error.
import { z } from 'zod';
import { nodeAtomicFs, writeFileAtomic, type AtomicFs, type TempJournal } from './atomic-write';

export const MAX_RECENT = 10;
/** A list of ten paths is a few KB; anything much larger is not ours. */
const MAX_STORE_BYTES = 1024 * 1024;

const RecentFileSchema = z.object({ paths: z.array(z.string().min(1).max(4096)) });


export class RecentFiles {
  private paths: string[] = [];

  constructor(
    private readonly storePath: string,
    private readonly fs: AtomicFs = nodeAtomicFs,
    private readonly max = MAX_RECENT,
    private readonly journal?: TempJournal,
  ) {}

  async load(): Promise<readonly string[]> {
    try {
      if ((await this.fs.stat(this.storePath)).size > MAX_STORE_BYTES) throw new Error('recent list too large');
      const parsed = RecentFileSchema.safeParse(JSON.parse(await this.fs.readFile(this.storePath, 'utf8')));
      this.paths = parsed.success ? [...new Set(parsed.data.paths)].slice(0, this.max) : [];
    } catch {
      this.paths = [];
    }
    return this.list();
  }

  list(): readonly string[] {
    return [...this.paths];
  }

  has(path: string): boolean {
    return this.paths.includes(path);
  }

  async add(path: string): Promise<void> {
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, this.max);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    if (!this.paths.includes(path)) return;
    this.paths = this.paths.filter((p) => p !== path);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.persist();
  }

  private async persist(): Promise<void> {
    // Private: the list says which files this user works on.
    await writeFileAtomic(this.storePath, `${JSON.stringify({ paths: this.paths }, null, 2)}\n`, { fs: this.fs, mode: 0o600, ...(this.journal ? { journal: this.journal } : {}) });
  }
}
