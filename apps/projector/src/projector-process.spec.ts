import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
} from '@crm/event-store';
import { allProjections } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendContacts } from '../../../libs/projections/src/worker/testing/contact-events';
import { checkpointsOf } from '../../../libs/projections/src/worker/testing/read-model-dump';
import { freePort } from '../../../test/process/free-port';
import { parsePrometheusText, valueOf } from '../../../test/support/prometheus-text';

const ROOT = join(__dirname, '..', '..', '..');

type LogLine = { level: string; msg: string; [field: string]: unknown };

/** The projector, run from its TypeScript source, its stdout parsed as JSON lines. */
const startProjector = (env: Record<string, string>) => {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join('apps', 'projector', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, CRM_LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: LogLine[] = [];
  let stderr = '';
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = pending + chunk.toString();
    const complete = text.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logged = (message: string, timeoutMs = 20_000): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const poll = setInterval(() => {
        const line = lines.find((l) => l.msg === message);
        if (line || Date.now() > deadline || child.exitCode !== null) {
          clearInterval(poll);
          if (line) resolve(line);
          else reject(new Error(`no "${message}" line; stderr: ${stderr}`));
        }
      }, 20);
    });
  return { child, lines, exited, logged, stderr: () => stderr };
};

describe('the projector process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-projector-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on SIGTERM commits its checkpoint and exits 0', async () => {
    const serializer = createEventSerializer(createEventSchemaRegistry());
    const events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    const head = await appendContacts(events, serializer, 25);
    await events.close();

    const port = await freePort();
    const projector = startProjector({
      CRM_DATA_DIR: dir,
      CRM_PROJECTOR_ID: 'projector-test',
      CRM_METRICS_PORT: String(port),
    });
    expect(await projector.logged('projector running')).toMatchObject({
      owner: 'projector-test',
      held: allProjections.map((p) => p.name),
    });
    expect(await projector.logged('caught up with the log')).toMatchObject({
      position: head.toString(),
    });

    const ops = `http://127.0.0.1:${port}`;
    expect((await fetch(`${ops}/health/live`)).status).toBe(200);
    const ready = await fetch(`${ops}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { readModels: { status: 'up', position: head.toString(), lag: '0' } },
    });
    const metrics = parsePrometheusText(await (await fetch(`${ops}/metrics`)).text());
    expect(valueOf(metrics, 'crm_projection_events_total')).toBe(Number(head));
    expect(valueOf(metrics, 'crm_projection_lag_events', { projection: 'contacts' })).toBe(0);
    expect(valueOf(metrics, 'crm_event_store_head_position')).toBe(Number(head));

    projector.child.kill('SIGTERM');
    expect(await projector.exited).toBe(0);
    expect(projector.lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['stopping projector', 'stopped projections', 'projector stopped']),
    );
    expect(projector.lines.find((l) => l.msg === 'stopped projections')).toMatchObject({
      position: head.toString(),
    });

    const documents = createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') });
    const checkpoints = await checkpointsOf(documents, allProjections);
    await documents.close();
    expect(Object.values(checkpoints)).toEqual(allProjections.map(() => head));
  }, 60_000);

  it('refuses to start with an unknown projection name, listing the valid ones', async () => {
    const projector = startProjector({ CRM_DATA_DIR: dir, CRM_PROJECTIONS: 'contacts,contcts' });
    expect(await projector.exited).toBe(1);
    expect(projector.stderr()).toContain('unknown projection(s): contcts; valid names are: ');
    expect(projector.stderr()).toContain('campaignMembers, deal-figures, timeline');
  }, 60_000);
});
