// Which interface a tunnel end runs IKE on, decided once for the engine and the exporters alike:
// the interface the end names, or, when it names none, the gateway's first physical interface
// with an address. A name the gateway does not have is reported as missing, never replaced by
// another interface (the engine would negotiate from one address while the export names another).
import type { Gateway, Interface, TunnelEnd } from './document';

export type OutsideInterface =
  /** The end names this interface and the gateway has it (its address may be absent). */
  | { status: 'named'; name: string; iface: Interface }
  /** The end names none: the gateway's first physical interface with an address, else its first physical one. */
  | { status: 'default'; name: string; iface: Interface }
  /** The end names none and the gateway has no physical interface. */
  | { status: 'none' }
  /** The end names an interface the gateway does not have. */
  | { status: 'missing'; name: string };

export function outsideInterfaceOf(gateway: Gateway, end: TunnelEnd): OutsideInterface {
  const interfaces = Array.isArray(gateway.interfaces) ? gateway.interfaces : [];
  const wanted = typeof end.outsideInterface === 'string' ? end.outsideInterface : '';
  if (wanted !== '') {
    for (let i = 0; i < interfaces.length; i++) {
      const x = interfaces[i] as Interface;
      if (x.name === wanted) return { status: 'named', name: wanted, iface: x };
    }
    return { status: 'missing', name: wanted };
  }
  const fallback = defaultOutsideInterface(gateway);
  return fallback ? { status: 'default', name: fallback.name, iface: fallback } : { status: 'none' };
}

/** The interface an end that names none runs on: the first physical one with an address, else the first physical one. */
export function defaultOutsideInterface(gateway: Gateway): Interface | undefined {
  const interfaces = Array.isArray(gateway.interfaces) ? gateway.interfaces : [];
  let firstPhysical: Interface | undefined;
  for (let i = 0; i < interfaces.length; i++) {
    const x = interfaces[i] as Interface;
    if (x.kind !== 'physical') continue;
    if (x.address) return x;
    firstPhysical ??= x;
  }
  return firstPhysical;
}
