// Palo Alto Networks PAN-OS: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Palo Alto Networks PAN-OS',
  mark: { short: 'PA', color: '#e8552a', shape: 'shield' },
  defaults: { model: 'PA-3220', osVersion: '10.2', vpnType: 'route-based', outsideInterface: 'ethernet1/1', insideInterface: 'ethernet1/2', tunnelInterface: (n) => `tunnel.${n}` },
};
