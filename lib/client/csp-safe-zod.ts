/**
 * Zod 4 probes `Function('')` to decide whether to compile its parsers; under the pages'
 * Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation. In the browser,
 * parse without compiling. Imported first by app/providers.tsx.
 */
import { z } from 'zod';

z.config({ jitless: true });
