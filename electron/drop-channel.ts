// The internal channel on which the preload reports files the user dropped on the window. It is
// not part of shared/ipc/contract.ts and never exposed to the page (contextBridge exposes only
// the contract's channels), so only the preload's isolated world sends on it; see preload.ts for
// the trust boundary and ipc-main.ts for the checks main applies. (No imports: the sandboxed
// preload bundles this file and may require nothing but electron.)
export const DROP_CHANNEL = 'shell:files-dropped';

/** At most this many files from one drop are considered (the app opens the first). */
export const MAX_DROPPED_FILES = 64;
