// strongSwan: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'strongSwan',
  mark: { short: 'sS', color: '#b3262b', shape: 'square' },
  defaults: { model: 'Linux', osVersion: '5.9.8', vpnType: 'policy-based', outsideInterface: 'eth0', insideInterface: 'eth1', tunnelInterface: (n) => `xfrm${n}` },
};
