// Constants Electron Forge's Vite plugin defines at build time (see forge.config.ts): the
// renderer dev server URL during `electron-forge start` (undefined in a packaged build) and the
// renderer entry's name, whose files land in .vite/renderer/<name>/.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
