// Fortinet FortiGate: how the product names itself, its mark on the canvas, and what a new gateway of it looks like.
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'Fortinet FortiGate',
  mark: { short: 'FG', color: '#c8102e', shape: 'shield' },
  defaults: { model: 'FortiGate-100F', osVersion: '7.2', vpnType: 'route-based', outsideInterface: 'wan1', insideInterface: 'internal', tunnelInterface: (n) => `vpn-${n}` },
};
