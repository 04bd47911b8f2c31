import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The parts of a V8 .cpuprofile (as written by `node --cpu-prof`) this reads. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

export type Frame = {
  /** `function (file:line)`, with the path relative to the repository. */
  frame: string;
  /** Share of all samples spent in this function itself. */
  selfPercent: number;
  /** Share of samples with this function anywhere on the stack (counted once per sample). */
  totalPercent: number;
};

const frameName = (
  callFrame: CpuProfile['nodes'][number]['callFrame'],
  root: string | undefined,
): string => {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return name;
  const path = callFrame.url.replace(/^file:\/\//, '');
  const shown = root && path.startsWith(root) ? relative(root, path) : path;
  return `${name} (${shown}:${callFrame.lineNumber + 1})`;
};

/** Self and inclusive sample counts per function (a function recursing is counted once). */
const frameTimes = (
  profile: CpuProfile,
  root: string | undefined,
): { total: number; frames: Map<string, { self: number; inclusive: number }> } => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const selfHits = new Map<number, number>();
  if (profile.samples && profile.samples.length > 0) {
    for (const id of profile.samples) selfHits.set(id, (selfHits.get(id) ?? 0) + 1);
  } else {
    for (const node of profile.nodes) selfHits.set(node.id, node.hitCount ?? 0);
  }
  let total = 0;
  const frames = new Map<string, { self: number; inclusive: number }>();
  const entry = (name: string) => {
    let found = frames.get(name);
    if (!found) {
      found = { self: 0, inclusive: 0 };
      frames.set(name, found);
    }
    return found;
  };
  for (const [id, hits] of selfHits) {
    const node = byId.get(id);
    if (!node || hits === 0) continue;
    total += hits;
    entry(frameName(node.callFrame, root)).self += hits;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const name = frameName(frame.callFrame, root);
      if (seen.has(name)) continue;
      seen.add(name);
      entry(name).inclusive += hits;
    }
  }
  return { total, frames };
};

const percent = (hits: number, total: number): number => Math.round((hits / total) * 1000) / 10;

/**
 * The functions with the most self time, with their inclusive share: where a profiled process
 * spent its CPU. `(idle)` is time the process waited (on disk, timers, the network).
 */
export const topFrames = (profile: CpuProfile, count: number, root?: string): Frame[] => {
  const { total, frames } = frameTimes(profile, root);
  if (total === 0) return [];
  return [...frames.entries()]
    .filter(([, times]) => times.self > 0)
    .sort((a, b) => b[1].self - a[1].self || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([frame, times]) => ({
      frame,
      selfPercent: percent(times.self, total),
      totalPercent: percent(times.inclusive, total),
    }));
};

/** The functions with the most inclusive time whose name matches `pattern`. */
export const topInclusive = (
  profile: CpuProfile,
  count: number,
  pattern: RegExp,
  root?: string,
): Frame[] => {
  const { total, frames } = frameTimes(profile, root);
  if (total === 0) return [];
  return [...frames.entries()]
    .filter(([frame]) => pattern.test(frame))
    .sort((a, b) => b[1].inclusive - a[1].inclusive || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([frame, times]) => ({
      frame,
      selfPercent: percent(times.self, total),
      totalPercent: percent(times.inclusive, total),
    }));
};

/** Every .cpuprofile in a directory, summarised (file names sort by time). */
export const summarizeProfiles = (
  dir: string,
  count: number,
  root?: string,
): { file: string; top: Frame[]; repository: Frame[] }[] => {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    return {
      file: join(dir, file),
      top: topFrames(profile, count, root),
      repository: topInclusive(profile, count, /\((apps|libs|bench)\//, root),
    };
  });
};
