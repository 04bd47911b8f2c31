/**
 * The FerretDB step of `npm test`: where a Go toolchain exists, runs the suites of
 * jest.ferretdb.config.js against a FerretDB it builds and starts; elsewhere says so in one line
 * and skips them. Arguments are passed on to Jest.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findGo } from './ferretdb-binary';

const ROOT = join(__dirname, '..', '..');

if (!findGo()) {
  process.stdout.write(
    'SKIPPED FerretDB suites (MongoDB adapter contract, leases, HTTP on mongodb, projector takeover, crash test): no Go toolchain (go) found to build FerretDB\n',
  );
  process.exit(0);
}
const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(
  process.execPath,
  [jest, '-c', join(ROOT, 'jest.ferretdb.config.js'), ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
