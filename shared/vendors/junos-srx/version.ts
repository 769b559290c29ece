// Junos OS releases as the gateway's OS version gives them ("21.4", "23.2R1", "15.1X49-D100"):
// where a keyword or a range changed between releases (Juniper's configuration YANG for SRX,
// Juniper/yang junos-es-conf-security, per release).

/** Major and minor of the release; undefined when the version says neither. */
export function junosRelease(osVersion: string): [number, number] | undefined {
  const m = /^\s*(\d+)\.(\d+)/.exec(osVersion);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * The release is at least `major.minor`. An unknown version is taken as older than every release
 * named here, so only what every release takes is written for it.
 */
export function junosAtLeast(osVersion: string, major: number, minor: number): boolean {
  const r = junosRelease(osVersion);
  return r !== undefined && (r[0] > major || (r[0] === major && r[1] >= minor));
}
