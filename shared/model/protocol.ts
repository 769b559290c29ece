// An IP protocol as written in a document (a name or a number) to its number (0 means any).
import { PROTOCOL_NAMES, type Protocol } from './document';

export function protocolNumber(p: Protocol): number {
  return typeof p === 'number' ? p : PROTOCOL_NAMES[p];
}
