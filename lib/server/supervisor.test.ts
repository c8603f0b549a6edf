import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supervise } from './supervisor';

describe('supervise', () => {
  it('restarts a child that dies and stops it on request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-sup-'));
    const counter = path.join(dir, 'starts');
    writeFileSync(counter, '');
    // Each start appends a line; the first two runs crash, the third stays up.
    const script = path.join(dir, 'child.mjs');
    writeFileSync(script, `import { appendFileSync, readFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(counter)}, 'x\\n');
if (readFileSync(${JSON.stringify(counter)}, 'utf8').length < 6) process.exit(3);
process.on('SIGTERM', () => { appendFileSync(${JSON.stringify(counter)}, 'stopped\\n'); process.exit(0); });
setInterval(() => {}, 1000);`);
    const logs: string[] = [];
    const child = supervise('test', [script], process.env, (m) => logs.push(m));
    const deadline = Date.now() + 15_000;
    while (readFileSync(counter, 'utf8').split('\n').filter(Boolean).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    await child.stop();
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toEqual(['x', 'x', 'x', 'stopped']);
    expect(logs.filter((l) => /exited \(code 3\); restarting/.test(l))).toHaveLength(2);
  }, 30_000);
});
