// The child names of a swanctl.conf as the exporter writes it (12-space indented names inside
// `children {`), in order: what a test asks charon to initiate.
export function swanctlChildNames(conf: string): string[] {
  const out: string[] = [];
  let inChildren = false;
  for (const line of conf.split('\n')) {
    const child = /^ {12}(\S+) \{$/.exec(line);
    if (/^\s+children \{$/.test(line)) inChildren = true;
    else if (inChildren && child) out.push(child[1] as string);
    else if (/^ {8}\}$/.test(line)) inChildren = false;
  }
  return out;
}
