import {
  ExecuteDomainCommand,
  loadConfig,
  processPrincipal,
  WebhookRegistry,
} from '@crm/application';
import { CommandBus } from '@nestjs/cqrs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { BenchContext } from '../context';
import { log } from '../log';
import { FigureResult, Measurement } from '../model';
import { benchCommandContext } from './command-path';

/**
 * Figure 8: webhook deliveries per second from a backlog. A first start of the API (process
 * managers off) registers the webhooks and writes `webhookEvents` contacts; a second start on
 * the same data directory (default durability, processes on, projections off so only the
 * dispatchers work) delivers the backlog to a receiver on 127.0.0.1 in this same process, which
 * answers 204 at once. Timed from the second start until the receiver has accepted them all.
 */

const TENANT = 'bench-webhooks';

const receiver = async () => {
  let accepted = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      accepted += 1;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const start = (dataDir: string, processes: boolean, secretsKey: string) =>
  createApp({
    config: loadConfig({
      CRM_DATA_DIR: dataDir,
      CRM_RUN_PROCESSES: String(processes),
      CRM_RUN_PROJECTIONS: 'false',
      CRM_SECRETS_KEY: secretsKey,
      CRM_WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
    }),
    logger: false,
  });

const writeContacts = async (app: NestFastifyApplication, count: number): Promise<void> => {
  const bus = app.get(CommandBus);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const contactId = randomUUID();
      await bus.execute(
        new ExecuteDomainCommand(
          'contact',
          contactId,
          {
            type: 'CreateContact',
            data: { contactId, firstName: 'Web', lastName: 'Hook', emails: [], phones: [] },
          },
          benchCommandContext(TENANT),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
};

/** Delivers `events` events to each of `webhooks` webhooks; answers deliveries per second. */
const deliverBacklog = async (
  ctx: BenchContext,
  webhooks: number,
): Promise<{ rate: number; seconds: number; deliveries: number }> => {
  const dataDir = join(ctx.runDir, `webhooks-${webhooks}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const secretsKey = randomBytes(32).toString('hex');
  const target = await receiver();
  const events = ctx.settings.webhookEvents;
  try {
    const writer = await start(dataDir, false, secretsKey);
    const registry = writer.get(WebhookRegistry);
    for (let i = 0; i < webhooks; i++) {
      await registry.register(
        TENANT,
        { url: target.url, eventTypes: ['ContactCreated'] },
        processPrincipal('bench'),
      );
    }
    await writeContacts(writer, events);
    await writer.close();

    const started = performance.now();
    const deliverer = await start(dataDir, true, secretsKey);
    const expected = events * webhooks;
    while (target.accepted() < expected) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - started) / 1000;
    await deliverer.close();
    return { rate: expected / seconds, seconds, deliveries: expected };
  } finally {
    await target.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export const webhooksTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const began = performance.now();
  const measurements: Measurement[] = [];
  const info: Record<string, number> = {};
  for (const webhooks of [1, 4]) {
    const run = await deliverBacklog(ctx, webhooks);
    log(
      `webhooks: ${run.deliveries} deliveries to ${webhooks} webhook(s) in ${run.seconds.toFixed(2)} s, ${Math.round(run.rate)}/s`,
    );
    measurements.push({
      id: `webhooks.deliveries.${webhooks}`,
      figure: 'webhooks',
      label: `deliveries to a local receiver, ${webhooks} webhook(s), ${run.deliveries} in all`,
      value: run.rate,
      unit: 'requests/s',
    });
    info[`seconds${webhooks}`] = run.seconds;
  }
  return {
    figure: 'webhooks',
    measurements,
    info: { ...info, events: ctx.settings.webhookEvents },
    seconds: (performance.now() - began) / 1000,
  };
};
