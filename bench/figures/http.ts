import { ApiKeyAdministration, loadConfig, processPrincipal } from '@crm/application';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { ChildProcess } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { CommandMix } from '../command-mix';
import { BenchContext } from '../context';
import { log } from '../log';
import { FigureResult, Json, Measurement } from '../model';
import { ChildMessage, ChildOutcome, runInChild } from '../run-child';
import { contactsOf } from '../sampling';
import { copyDatabase, removeDatabase } from '../stores';
import { ids } from '../targets';

/**
 * Figure 3: the same command mix over HTTP. The API runs in a child process of its own on
 * 127.0.0.1 (an ephemeral port), on a copy of the workload's log, with the default durability and
 * no projections or process managers (like figure 2); autocannon runs in this process at 64
 * connections for a bounded time. Beside it, a no-op route registered straight on the same
 * Fastify instance (not part of the product API) answers the same requests: what the HTTP stack
 * alone costs per request. Every request carries an API key; a second no-op route, marked public
 * in code, answers without one, so the two no-op rates give what authentication costs per request.
 */

export const NOOP_PATH = '/__bench/noop';
export const PUBLIC_NOOP_PATH = '/__bench/noop-public';

type ServerInput = { dataDir: string; tenant: string };

/** Adds the bare route while Nest initialises the adapter, before Fastify is ready. */
const registerNoopRoute = (): void => {
  const init = FastifyAdapter.prototype.init;
  const done = new WeakSet<FastifyAdapter>();
  FastifyAdapter.prototype.init = async function (this: FastifyAdapter): Promise<void> {
    // Nest calls init again on listen; the route is added once, before Fastify is ready.
    if (!done.has(this)) {
      this.getInstance().post(NOOP_PATH, async () => ({ ok: true }));
      this.getInstance().post(PUBLIC_NOOP_PATH, { config: { public: true } }, async () => ({
        ok: true,
      }));
    }
    done.add(this);
    return init.call(this);
  };
};

/** The API's process: listens, says on which port, serves until told to stop. */
export const httpServerTask = async (
  input: ServerInput,
  channel: { emit: (name: string, data: unknown) => void },
): Promise<{ served: boolean }> => {
  registerNoopRoute();
  const app: NestFastifyApplication = await createApp({
    config: loadConfig({
      CRM_DATA_DIR: input.dataDir,
      CRM_RUN_PROJECTIONS: 'false',
      CRM_RUN_PROCESSES: 'false',
      // The figure measures throughput; the per-principal limit would measure itself.
      CRM_RATE_LIMIT_PER_MINUTE: String(2 ** 31),
    }),
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const { secret } = await app
    .get(ApiKeyAdministration)
    .create(
      { tenantId: input.tenant, subject: 'bench-user', roles: ['admin'], name: 'bench' },
      processPrincipal('bench'),
    );
  const stopped = new Promise<void>((resolve) => {
    process.on('message', (raw: unknown) => {
      const message = raw as ChildMessage;
      if (message.type === 'event' && message.name === 'stop') resolve();
    });
  });
  channel.emit('ready', { port, secret });
  await stopped;
  await app.close();
  return { served: true };
};

type Load = {
  rate: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

type Target = { port: number; secret: string };
type Route = 'command' | 'noop' | 'public-noop';

const load = async (
  { port, secret }: Target,
  mix: CommandMix,
  seconds: number,
  connections: number,
  route: Route,
): Promise<Load> => {
  const noop = route !== 'command';
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 30,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${secret}`,
    },
    requests: [
      {
        setupRequest: (request) => {
          const next = mix.next(new Date()).http;
          return {
            ...request,
            method: noop ? 'POST' : next.method,
            path: route === 'command' ? next.path : route === 'noop' ? NOOP_PATH : PUBLIC_NOOP_PATH,
            body: JSON.stringify(next.body),
          };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count;
  return {
    rate: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
};

const describe = (name: string, run: Load): string =>
  `http: ${name}: ${Math.round(run.rate)} requests/s, p50 ${run.p50} ms, p99 ${run.p99} ms` +
  (run.non2xx || run.errors ? `, ${run.non2xx} non-2xx, ${run.errors} errors` : '');

export const httpTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const started = performance.now();
  const dataDir = join(ctx.runDir, 'http');
  const eventsPath = join(dataDir, 'events.sqlite');
  copyDatabase(ctx.eventsPath, eventsPath);
  const tenant = ctx.workload.tenantId;
  const mix = new CommandMix(contactsOf(eventsPath, tenant), ctx.settings.seed + 100);
  const { httpConnections: connections, httpSeconds, httpWarmupSeconds } = ctx.settings;

  let server: ChildProcess | undefined;
  let ready: (target: Target) => void = () => undefined;
  const target = new Promise<Target>((resolve) => (ready = resolve));
  const exited: Promise<ChildOutcome<{ served: boolean }>> = runInChild(
    'http-server',
    { dataDir, tenant } satisfies ServerInput,
    {
      profileDir: ctx.profileDir,
      onEvent: (name, data, child) => {
        server = child;
        if (name === 'ready') ready(data as Target);
      },
    },
  );
  const listening = await Promise.race([target, exited.then(() => undefined)]);
  if (!listening) throw new Error('the API stopped before listening');
  log(`http: API listening on 127.0.0.1:${listening.port}`);

  let warmup: Load;
  let command: Load;
  let noop: Load;
  let publicNoop: Load;
  try {
    warmup = await load(listening, mix, httpWarmupSeconds, connections, 'command');
    command = await load(listening, mix, httpSeconds, connections, 'command');
    log(describe('command mix (API key)', command));
    await load(listening, mix, 1, connections, 'noop');
    noop = await load(listening, mix, httpSeconds, connections, 'noop');
    log(describe('no-op route (API key)', noop));
    publicNoop = await load(listening, mix, httpSeconds, connections, 'public-noop');
    log(describe('no-op route (no credential)', publicNoop));
  } finally {
    const stop: ChildMessage = { type: 'event', name: 'stop', data: null };
    server?.send(stop);
  }
  const serverOutcome = await exited;
  removeDatabase(eventsPath);
  removeDatabase(join(dataDir, 'readmodels.sqlite'));
  const share = noop.rate > 0 ? (command.rate / noop.rate) * 100 : NaN;
  // Per-request time on a saturated server is 1/rate; authentication's part of it is the
  // difference between the two no-op routes, set against a whole command request.
  const authSeconds = Math.max(0, 1 / noop.rate - 1 / publicNoop.rate);
  const authShare = command.rate > 0 ? authSeconds * command.rate * 100 : NaN;
  const measurements: Measurement[] = [
    {
      id: ids.httpCommand,
      figure: 'http',
      label: `command mix, ${connections} connections, ${ctx.defaultSynchronous} (default)`,
      value: command.rate,
      unit: 'requests/s',
      p50: command.p50,
      p99: command.p99,
      floor: ids.rawCommitRate(ctx.defaultSynchronous),
      note:
        command.non2xx || command.errors
          ? `${command.non2xx} non-2xx, ${command.errors} errors`
          : undefined,
    },
    {
      id: ids.httpNoop,
      figure: 'http',
      label: `bare Fastify no-op route, same requests`,
      value: noop.rate,
      unit: 'requests/s',
      p50: noop.p50,
      p99: noop.p99,
    },
    {
      id: ids.httpOverheadShare,
      figure: 'http',
      label: 'bare route time / command request time',
      value: share,
      unit: '%',
    },
    {
      id: 'http.noop-public',
      figure: 'http',
      label: 'bare no-op route without a credential',
      value: publicNoop.rate,
      unit: 'requests/s',
      p50: publicNoop.p50,
      p99: publicNoop.p99,
    },
    {
      id: ids.authOverheadShare,
      figure: 'http',
      label: `authentication (API key) time / command request time (${(authSeconds * 1e6).toFixed(1)} µs per request)`,
      value: authShare,
      unit: '%',
    },
    {
      id: 'http.server-peak-rss',
      figure: 'http',
      label: 'API process peak RSS',
      value: serverOutcome.maxRssMiB,
      unit: 'MiB',
    },
  ];
  return {
    figure: 'http',
    measurements,
    info: {
      warmup: warmup as unknown as Json,
      command: command as unknown as Json,
      noop: noop as unknown as Json,
      publicNoop: publicNoop as unknown as Json,
    },
    seconds: (performance.now() - started) / 1000,
  };
};
