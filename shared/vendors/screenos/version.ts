// ScreenOS release lines that behave differently: several proxy IDs per route-based VPN (each its
// own SA, proxy-ID check) arrived in 6.3 (Juniper KB16008).

/** ScreenOS versions before 6.3.0 ("6.2.0r3", "5.4"); unknown text counts as 6.3 or later. */
export function screenosBefore63(osVersion: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(osVersion.trim());
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major < 6 || (major === 6 && minor < 3);
}

/** From 6.3 a route-based VPN negotiates each of its proxy IDs (before: only one). */
export function screenosSupportsMultipleProxyIds(osVersion: string): boolean {
  return !screenosBefore63(osVersion);
}
