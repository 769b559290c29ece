// Libreswan's own settings of a connection (a tunnel end).
import { z } from 'zod';
import type { TunnelEnd } from '../../model/document';
import { readOptions, type VendorOptionSet } from '../kit/options';

export type LibreswanEndOptions = { narrowing: boolean };

const DOC = 'ipsec.conf(5) (Libreswan 4.x): narrowing=; verified: Libreswan 4.10 pluto against strongSwan 5.9.8 charon (oracle run test/fixtures/interop-others/v2-*-narrowingyes.json)';

export const libreswanEndOptions: VendorOptionSet<LibreswanEndOptions> = {
  schema: z.strictObject({ narrowing: z.boolean().optional() }),
  defaults: { narrowing: false },
  fields: [
    { key: 'narrowing', kind: 'boolean', label: 'narrowing=', hint: 'IKEv2: accept traffic selectors that are narrower or wider than the connection\'s subnets, per end (default no: they must be equal).', source: DOC },
  ],
};

export function libreswanOptionsOf(end: TunnelEnd): LibreswanEndOptions {
  return readOptions(libreswanEndOptions, 'libreswan', end);
}
