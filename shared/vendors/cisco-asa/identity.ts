// Cisco ASA: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Cisco ASA',
  mark: { short: 'ASA', color: '#1a8fc9', shape: 'shield' },
  defaults: { model: 'ASA 5516-X', osVersion: '9.16', vpnType: 'policy-based', outsideInterface: 'outside', insideInterface: 'inside', tunnelInterface: (n) => `Tunnel${n}` },
};
