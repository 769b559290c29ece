// OpenIKED: how the product names itself, its mark on the canvas, and what a new gateway of it
// looks like. Documents: iked.conf(5) and ikectl(8), OpenBSD 7.2 manual pages (the portable
// build, openiked-portable 7.2, ships the same pages).
import type { VendorIdentity } from '../kit/vendor-module';

export const identity: VendorIdentity = {
  label: 'OpenIKED',
  mark: { short: 'iked', color: '#c29b00', shape: 'square' },
  defaults: { model: 'Linux', osVersion: '7.2', vpnType: 'policy-based', outsideInterface: 'eth0', insideInterface: 'eth1', tunnelInterface: (n) => `enc${n - 1}` },
};
