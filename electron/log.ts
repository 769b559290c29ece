// A tiny logger for the main process: refusals and I/O failures are worth a line on stderr, and
// tests pass their own to see what was refused.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.info(`[ipsec-studio] ${message}`),
  warn: (message) => console.warn(`[ipsec-studio] ${message}`),
  error: (message) => console.error(`[ipsec-studio] ${message}`),
};
