// Cisco IOS-XE: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Cisco IOS-XE',
  mark: { short: 'IOS', color: '#234b8c', shape: 'disc' },
  defaults: { model: 'ISR 4331', osVersion: '17.6', vpnType: 'policy-based', outsideInterface: 'GigabitEthernet0/0/0', insideInterface: 'GigabitEthernet0/0/1', tunnelInterface: (n) => `Tunnel${n}` },
};
