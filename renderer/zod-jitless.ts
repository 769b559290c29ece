// Imported first by every renderer entry (the page, the engine worker), before any module that
// builds a zod schema: zod probes `new Function("")` when it builds its first object schema, to
// choose a compiled fast path, and under the app's CSP (no 'unsafe-eval') that probe is reported
// as a violation even though zod catches it. Jitless, it never probes and parses the same.
import { z } from 'zod';

z.config({ jitless: true });
