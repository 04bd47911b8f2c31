import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HealthReport } from '../health/readiness';
import { listenOrExplain } from '../startup/listen-failure';
import { CrmMetrics } from './crm-metrics';

export type OpsServer = { port: number; close(): Promise<void> };

const json = (status: number, body: unknown) => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});

/**
 * The operations listener on CRM_METRICS_PORT: GET /metrics (Prometheus text), and where the
 * process has no HTTP API of its own (the projector) GET /health/live and /health/ready.
 * Kept off the API's port so it can stay on an internal interface.
 */
export const startOpsServer = async (options: {
  host: string;
  port: number;
  metrics: CrmMetrics;
  ready?: () => Promise<HealthReport>;
}): Promise<OpsServer> => {
  const answer = async (path: string) => {
    if (path === '/metrics') {
      const { contentType, body } = await options.metrics.exposition();
      return { status: 200, contentType, body };
    }
    if (options.ready && path === '/health/live') {
      return json(200, { status: 'ok', info: {}, error: {}, details: {} });
    }
    if (options.ready && path === '/health/ready') {
      const report = await options.ready();
      return json(report.status === 'ok' ? 200 : 503, report);
    }
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: `no ${path} here` });
  };
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const reply =
      request.method === 'GET'
        ? answer(path)
        : Promise.resolve(json(405, { statusCode: 405, code: 'METHOD_NOT_ALLOWED' }));
    reply
      .catch((error: unknown) => json(500, { statusCode: 500, message: String(error) }))
      .then(({ status, contentType, body }) => {
        response.writeHead(status, { 'content-type': contentType }).end(body);
      });
  });
  await listenOrExplain(
    'CRM_METRICS_PORT',
    options.port,
    () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => resolve());
      }),
  );
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
