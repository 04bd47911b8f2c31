import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; ppid: number; ticks: number };

/** pid, parent and CPU ticks (user + system, the process's own) from /proc/<pid>/stat. */
const statOf = (pid: number): ProcStat | undefined => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields count from after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
};

/**
 * CPU milliseconds (user + system) used so far by `pid` and every live descendant: the time a
 * start-up costs whatever else the machine is doing. Undefined where there is no /proc.
 */
export const treeCpuMs = (pid: number): number | undefined => {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const stats = entries.map((name) => statOf(Number(name))).filter((s) => s !== undefined);
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of stats) {
      if (tree.has(stat.ppid) && !tree.has(stat.pid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  const ticks = stats.filter((stat) => tree.has(stat.pid)).reduce((sum, s) => sum + s.ticks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
};
