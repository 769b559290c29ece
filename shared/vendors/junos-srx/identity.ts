// Juniper Junos SRX: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Juniper Junos SRX',
  mark: { short: 'SRX', color: '#1b6e8f', shape: 'shield' },
  defaults: { model: 'SRX345', osVersion: '21.4', vpnType: 'route-based', outsideInterface: 'ge-0/0/0.0', insideInterface: 'ge-0/0/1.0', tunnelInterface: (n) => `st0.${n - 1}` },
};
