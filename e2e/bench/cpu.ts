/**
 * Where the CPU went during a measured run: cores used by each process (CPU seconds / wall
 * seconds), from /proc/<pid>/stat. On a 2-core machine this tells whether a figure is bound by
 * the web process, the worker, Postgres or the load generator itself.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { childrenOf } from './processes';
import { round } from './stats';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime (+ reaped children's, for the postmaster whose backends come and go). */
async function cpuSeconds(pid: number, withReapedChildren = false): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  if (!stat) return 0;
  // Fields after the command name (which may contain spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]];
  return (utime + stime + (withReapedChildren ? cutime + cstime : 0)) / TICKS_PER_SECOND;
}

/** A process and, for a postmaster, all its live backends. */
async function treeSeconds(pid: number, tree: boolean): Promise<number> {
  let total = await cpuSeconds(pid, tree);
  if (tree) for (const child of await childrenOf(pid)) total += await cpuSeconds(child);
  return total;
}

/** Whole-machine busy and steal time (all processes, ours and anyone else's), from /proc/stat. */
async function machineSeconds(): Promise<{ busy: number; steal: number }> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  // cpu  user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  if (user === undefined || Number.isNaN(user)) return { busy: 0, steal: 0 };
  return { busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND, steal: (steal ?? 0) / TICKS_PER_SECOND };
}

export type CoresUsed = Record<string, number>;

export interface CpuProbe {
  start(): Promise<void>;
  /** Cores used per named process since start(). */
  stop(): Promise<CoresUsed>;
}

/** `tree: true` for a postmaster. The bench process itself is always included as "bench". */
export function cpuProbe(processes: Record<string, { pid: number | undefined; tree?: boolean }>): CpuProbe {
  let t0 = 0;
  let bench0 = process.cpuUsage();
  let machine0 = { busy: 0, steal: 0 };
  const before: Record<string, number> = {};
  const sample = async () => {
    const out: Record<string, number> = {};
    for (const [name, p] of Object.entries(processes)) if (p.pid) out[name] = await treeSeconds(p.pid, p.tree ?? false);
    return out;
  };
  return {
    async start() {
      Object.assign(before, await sample());
      machine0 = await machineSeconds();
      bench0 = process.cpuUsage();
      t0 = performance.now();
    },
    async stop() {
      const wall = (performance.now() - t0) / 1000;
      const bench = process.cpuUsage(bench0);
      const after = await sample();
      const machine = await machineSeconds();
      const used: CoresUsed = {};
      for (const name of Object.keys(after)) used[name] = round((after[name] - (before[name] ?? 0)) / wall, 2);
      used.bench = round((bench.user + bench.system) / 1e6 / wall, 2);
      // Everything else on the machine (other users' processes): a busy neighbour skews every figure.
      const ours = Object.values(used).reduce((a, b) => a + b, 0);
      const busy = (machine.busy - machine0.busy) / wall;
      used.others = round(Math.max(0, busy - ours), 2);
      used.steal = round((machine.steal - machine0.steal) / wall, 2);
      return used;
    },
  };
}
