import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npm } from './npm-run';

describe('npm run cli', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The first run in a fresh clone builds the CLI; later runs start at once.
  it('a long seed on SIGTERM to npm stops between two commands, closes the stores, exits 0', async () => {
    const seed = npm(
      ['run', 'cli', '--', 'seed', '--accounts', '3000', '--interactions-per-contact', '6'],
      { CRM_DATA_DIR: dir },
    );
    // The progress bar's first line: the signal handler is installed, commands are being sent.
    await seed.printed('seed [', 170_000);
    seed.child.kill('SIGTERM');
    expect(await seed.exited).toEqual({ code: 0, signal: null });
    expect(seed.stderr()).toMatch(
      /seed stopped by SIGTERM after \d+\/\d+ commands: those are in the log; /,
    );
  }, 180_000);

  it('--help answers at once with the commands, exit 0', async () => {
    const help = npm(['run', 'cli', '--silent', '--', '--help'], { CRM_DATA_DIR: dir });
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.stdout()).toContain('Usage: crm-cli');
    expect(help.stdout()).toContain('seed [options]');
  }, 180_000);
});
