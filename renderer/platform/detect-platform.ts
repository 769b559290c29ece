import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

/** The desktop preload exposes window.ipsecStudio; anywhere else this is the web build. */
export function detectPlatform(): Platform {
  return window.ipsecStudio ? createElectronPlatform(window.ipsecStudio) : createBrowserPlatform();
}
