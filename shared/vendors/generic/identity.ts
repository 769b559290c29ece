// Generic IKE (RFC 7296): how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Generic IKE (RFC 7296)',
  mark: { short: 'IKE', color: '#5d6b7a', shape: 'square' },
  defaults: { model: '', osVersion: '', vpnType: 'route-based', outsideInterface: 'outside', insideInterface: 'inside', tunnelInterface: (n) => `tun${n}` },
};
