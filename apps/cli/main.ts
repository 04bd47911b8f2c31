import 'reflect-metadata';
import { runCli } from './src/cli';
import { stopOnSignals } from './src/stop-request';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stop: stopOnSignals(process.stderr),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
