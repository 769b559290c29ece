// Which names a generated file may have so that it can be written, opened, moved and deleted on
// every desktop the app runs on. Windows reserves the device names CON, PRN, AUX, NUL, COM1–COM9
// and LPT1–LPT9 whatever the extension ("NUL.txt" is the NUL device too), and silently drops a
// trailing dot or space, so such a name would write somewhere else or not at all
// (Microsoft, "Naming Files, Paths, and Namespaces", section "Naming Conventions").

const RESERVED_STEM = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** Why `name` cannot be an exported file's name on every platform, or undefined when it can. */
export function portableFileNameProblem(name: string): string | undefined {
  if (/[. ]$/.test(name)) return `"${name}" ends with a dot or a space, which Windows drops from file names.`;
  // Windows ignores spaces before the extension when it matches device names ("NUL .txt").
  const stem = (name.split('.')[0] ?? '').trimEnd();
  if (RESERVED_STEM.test(stem)) return `"${name}" is a device name on Windows (${stem.toUpperCase()}), not a file name.`;
  return undefined;
}
