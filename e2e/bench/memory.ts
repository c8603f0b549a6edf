/** Resident memory (VmRSS, and the peak VmHWM) of the web and worker processes, from /proc. */
import { readFile } from 'node:fs/promises';
import { stackProcesses } from './processes';
import { round } from './stats';

export interface ProcessMemory {
  pid: number;
  rssMb: number;
  /** Peak resident set since the process started (VmHWM). */
  peakRssMb: number;
}

export interface StackMemory {
  web: ProcessMemory | null;
  worker: ProcessMemory | null;
}

async function memoryOf(pid: number | undefined): Promise<ProcessMemory | null> {
  if (!pid) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  if (!status) return null;
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { pid, rssMb: round(kb('VmRSS') / 1024, 0), peakRssMb: round(kb('VmHWM') / 1024, 0) };
}

export async function stackMemory(launcherPid: number): Promise<StackMemory> {
  const { web, worker } = await stackProcesses(launcherPid);
  return { web: await memoryOf(web), worker: await memoryOf(worker) };
}
