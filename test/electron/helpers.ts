// Shared fixtures for the main-process tests: a valid topology's text and a temp folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentOf } from '../../shared/document/factory';
import { serializeDocument } from '../../shared/document/file';

export function topologyText(name = 'Lab'): string {
  return serializeDocument(documentOf({ name }));
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ipsec-studio-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
