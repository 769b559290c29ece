// PAN-OS address and service objects, resolved where rules, proxy IDs and interfaces name them.
// Shapes as the PAN-OS schema has them (pan-os-codegen specs/objects/address.yaml: ip-netmask,
// ip-range, ip-wildcard, fqdn; address-group.yaml: static members or a dynamic filter;
// service.yaml: protocol tcp|udp|sctp with port "80,443,1000-2000"). A name is looked up in its
// virtual system first, then in shared (the schema's two locations for a firewall: vsys and shared).
import { parseAddressSpec, parseIp, parsePrefix } from '../../net/address';

export interface AddressObject {
  kind: 'ip-netmask' | 'ip-range' | 'ip-wildcard' | 'fqdn';
  value: string;
}
export interface ServiceObject {
  protocol?: string;
  ports: string[];
}

/** What a name in a rule stands for: the address specs it covers, or why it cannot be written as one. */
export type Resolved<T> = { ok: true; values: T[] } | { ok: false; missing?: string; unmappable?: string };

/** The objects of each scope (a vsys name, or "shared"). */
export class PanosObjects {
  readonly addresses = new Map<string, AddressObject>();
  readonly groups = new Map<string, { members: string[]; dynamic: boolean }>();
  readonly services = new Map<string, ServiceObject>();
  readonly serviceGroups = new Map<string, string[]>();

  private find<T>(map: Map<string, T>, scope: string, name: string): T | undefined {
    return map.get(`${scope}\n${name}`) ?? map.get(`shared\n${name}`);
  }

  address(scope: string, name: string): AddressObject | undefined {
    return this.find(this.addresses, scope, name);
  }

  /** Address specs (prefix, address, range, any) for a rule's value: a literal, an object, a static group (nested). */
  resolveAddress(scope: string, value: string, seen: Set<string> = new Set()): Resolved<string> {
    if (value === 'any') return { ok: true, values: ['any'] };
    const object = this.address(scope, value);
    if (object) {
      if (object.kind === 'ip-netmask' || object.kind === 'ip-range') {
        return parseAddressSpec(object.value).ok ? { ok: true, values: [object.value] } : { ok: false, unmappable: value };
      }
      return { ok: false, unmappable: value };
    }
    const group = this.find(this.groups, scope, value);
    if (group) {
      if (group.dynamic || seen.has(value)) return { ok: false, unmappable: value };
      seen.add(value);
      const out: string[] = [];
      for (const m of group.members) {
        const r = this.resolveAddress(scope, m, seen);
        if (!r.ok) return r;
        out.push(...r.values);
      }
      return { ok: true, values: out };
    }
    // A rule may hold an address as written (Objects > Addresses is not required).
    if (parseAddressSpec(value).ok) return { ok: true, values: [value] };
    return { ok: false, missing: value };
  }

  /** A host or prefix value that may name an ip-netmask object (interface addresses, proxy IDs, gateway addresses). */
  netmask(scope: string, value: string): string | undefined {
    if (parsePrefix(value).ok || parseIp(value).ok) return value;
    const object = this.address(scope, value);
    return object?.kind === 'ip-netmask' ? object.value : undefined;
  }

  /** Protocol and port pairs for a rule's service value. */
  resolveService(scope: string, value: string, seen: Set<string> = new Set()): Resolved<{ protocol: 'any' | 'tcp' | 'udp' | 'sctp'; port: string }> {
    if (value === 'any' || value === 'application-default') return { ok: true, values: [{ protocol: 'any', port: 'any' }] };
    const predefined = PREDEFINED_SERVICES[value];
    const object = this.find(this.services, scope, value) ?? predefined;
    if (object) {
      const protocol = object.protocol;
      if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return { ok: false, unmappable: value };
      const ports = object.ports.length > 0 ? object.ports : ['any'];
      return { ok: true, values: ports.map((port) => ({ protocol, port })) };
    }
    const group = this.find(this.serviceGroups, scope, value);
    if (group) {
      if (seen.has(value)) return { ok: false, unmappable: value };
      seen.add(value);
      const out: { protocol: 'any' | 'tcp' | 'udp' | 'sctp'; port: string }[] = [];
      for (const m of group) {
        const r = this.resolveService(scope, m, seen);
        if (!r.ok) return r;
        out.push(...r.values);
      }
      return { ok: true, values: out };
    }
    return { ok: false, missing: value };
  }
}

/**
 * The services every firewall has without configuring them (Palo Alto Networks, Network Security
 * docs, "Policy Object: Services": "The HTTP and HTTPS services are predefined"; the predefined
 * service-http is TCP 80 and 8080, service-https TCP 443, as Objects > Services lists them).
 */
const PREDEFINED_SERVICES: Record<string, ServiceObject> = {
  'service-http': { protocol: 'tcp', ports: ['80', '8080'] },
  'service-https': { protocol: 'tcp', ports: ['443'] },
};
