import { describe, expect, it } from 'vitest';
import { exportVerdict } from '../../../../renderer/features/export/verdict';
import type { ExportWarning } from '../../../../shared/vendors/kit/export/types';

const w = (tunnel: string, message: string, gateway = 'PA-HQ'): ExportWarning => ({ code: 'DESIGN_WOULD_NOT_COME_UP', gateway, tunnel, message });

describe('the export panel’s verdict line', () => {
  it('says the design comes up when the engine flags nothing', () => {
    expect(exportVerdict([])).toEqual({ headline: 'The engine predicts this design comes up.', tunnels: [] });
  });

  it('counts a tunnel flagged from both of its ends once, in the singular, and keeps both reasons', () => {
    const v = exportVerdict([w('pa-asa', 'Phase 2 fails: TS_UNACCEPTABLE.'), w('pa-asa', 'No proposal chosen.', 'ASA-Branch')]);
    expect(v.headline).toBe('The engine predicts a tunnel of this export would not come up:');
    expect(v.tunnels).toEqual([{ tunnel: 'pa-asa', messages: ['Phase 2 fails: TS_UNACCEPTABLE.', 'No proposal chosen.'] }]);
  });

  it('counts tunnels, not warnings, in the plural', () => {
    const v = exportVerdict([w('a', 'x'), w('a', 'x'), w('b', 'y')]);
    expect(v.headline).toBe('The engine predicts 2 tunnels of this export would not come up:');
    expect(v.tunnels.map((t) => t.messages)).toEqual([['x'], ['y']]);
  });
});
