/**
 * The product's processes, found from the launcher's pid: its children via
 * /proc/<pid>/task/<tid>/children, told apart by SB_PROCESS (which the supervisor puts in the web
 * and worker environments) rather than by guessing from command lines; the embedded postmaster is
 * the child whose command is `postgres`, and its backends are the postmaster's children.
 */
import { readdir, readFile } from 'node:fs/promises';

export interface StackProcesses {
  web?: number;
  worker?: number;
  /** Embedded postmaster (absent with BENCH_DATABASE_URL). */
  postgres?: number;
}

export async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const out: number[] = [];
  for (const tid of tasks) {
    const text = await readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '');
    out.push(...text.split(/\s+/).filter(Boolean).map(Number));
  }
  return out;
}

async function role(pid: number): Promise<string | undefined> {
  const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
  return environ.split('\0').find((v) => v.startsWith('SB_PROCESS='))?.slice('SB_PROCESS='.length);
}

export async function stackProcesses(launcherPid: number): Promise<StackProcesses> {
  const found: StackProcesses = {};
  for (const pid of await childrenOf(launcherPid)) {
    const name = await role(pid);
    if (name === 'web' || name === 'worker') found[name] = pid;
    else if ((await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim() === 'postgres') found.postgres = pid;
  }
  return found;
}
