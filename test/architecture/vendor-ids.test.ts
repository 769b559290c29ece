// Nothing outside a vendor's folder names a vendor id (eslint's vendors/no-vendor-ids): the rule
// refuses the id as a string or template literal anywhere else, and the vendor list it checks
// against is the folders of shared/vendors/ that hold a vendor.ts, so a new vendor is covered by
// adding it.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { noVendorIds, vendorIds } from '../../scripts/eslint/no-vendor-ids.js';
import { VENDOR_MODULES } from '../../shared/vendors/registry';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const at = (...parts: string[]) => path.join(ROOT, ...parts);

describe('the no-vendor-ids rule', () => {
  it('knows exactly the vendors of the registry', () => {
    expect(vendorIds(ROOT).sort()).toEqual(VENDOR_MODULES.map((m) => m.id).sort());
  });

  it('allows a vendor its own id, refuses every id elsewhere', () => {
    const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' } });
    const options = [{ root: ROOT }];
    tester.run('no-vendor-ids', noVendorIds, {
      valid: [
        { filename: at('shared', 'vendors', 'panos', 'profile.ts'), code: "const v = 'panos';", options },
        { filename: at('shared', 'engine', 'phase2.ts'), code: "const v = 'panorama';", options },
        { filename: at('shared', 'engine', 'phase2.ts'), code: 'const v = `${x}.v1.pfs-group`;', options },
      ],
      invalid: [
        { filename: at('shared', 'engine', 'diagnostics.ts'), code: "if (g.vendor === 'junos-srx') {}", options, errors: [{ messageId: 'named' }] },
        { filename: at('renderer', 'inspector', 'Inspector.tsx'), code: 'const v = `screenos`;', options, errors: [{ messageId: 'named' }] },
        { filename: at('shared', 'vendors', 'panos', 'profile.ts'), code: "const peer = 'cisco-asa';", options, errors: [{ messageId: 'named' }] },
        { filename: at('shared', 'vendors', 'kit', 'monitor.ts'), code: "const v = 'screenos';", options, errors: [{ messageId: 'named' }] },
      ],
    });
  });
});
