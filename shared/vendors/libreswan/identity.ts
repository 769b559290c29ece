// Libreswan: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Libreswan',
  mark: { short: 'LS', color: '#6f4a9e', shape: 'square' },
  defaults: { model: 'Linux', osVersion: '4.10', vpnType: 'policy-based', outsideInterface: 'eth0', insideInterface: 'eth1', tunnelInterface: (n) => `vti${n}` },
};
