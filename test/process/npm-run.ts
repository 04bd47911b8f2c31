import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export type NpmRun = {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once `text` appeared on stdout or stderr; rejects if the process exits first. */
  printed: (text: string, timeoutMs: number) => Promise<void>;
};

/** `npm <args>` in the repository with this environment; output collected, exit awaited. */
export const npm = (args: string[], env: Record<string, string>): NpmRun => {
  const child: ChildProcess = spawn('npm', args, {
    cwd: ROOT,
    env: { ...process.env, CRM_LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const printed = async (text: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!stdout.includes(text) && !stderr.includes(text)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no "${text}" printed; stdout: ${stdout}\nstderr: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, stdout: () => stdout, stderr: () => stderr, printed };
};

/** Lines of stderr that are ours: npm's own banner lines (`> ...`, `npm error`) left out. */
export const ownLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.trim() && !/^(>|npm )/.test(line));
