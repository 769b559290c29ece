// Juniper ScreenOS: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Juniper ScreenOS',
  mark: { short: 'NS', color: '#3d8f3a', shape: 'shield' },
  defaults: { model: 'SSG-140', osVersion: '6.3.0', vpnType: 'route-based', outsideInterface: 'ethernet0/2', insideInterface: 'ethernet0/0', tunnelInterface: (n) => `tunnel.${n}` },
};
