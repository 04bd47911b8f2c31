import { statfsSync } from 'node:fs';
import { availableParallelism, cpus, freemem, hostname, release, totalmem, type } from 'node:os';

export type Machine = {
  date: string;
  hostname: string;
  os: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  v8: string;
  sqlite: string;
  diskFreeGiB: number | null;
};

const GIB = 1024 ** 3;

/** What the run ran on: cores, memory, Node and SQLite versions, free disk where the data goes. */
export const describeMachine = (sqliteVersion: string, dataDir: string): Machine => {
  let diskFreeGiB: number | null = null;
  try {
    const stats = statfsSync(dataDir);
    diskFreeGiB = Math.round(((stats.bavail * stats.bsize) / GIB) * 10) / 10;
  } catch {
    diskFreeGiB = null;
  }
  return {
    date: new Date().toISOString(),
    hostname: hostname(),
    os: `${type()} ${release()}`,
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / GIB) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / GIB) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    sqlite: sqliteVersion,
    diskFreeGiB,
  };
};

/** One line for the head of the table. */
export const machineLine = (machine: Machine): string =>
  `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}, ${machine.os}, ${machine.date}`;
