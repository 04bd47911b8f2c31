/**
 * Tracing is off unless the standard OpenTelemetry variables ask for it: an OTLP endpoint
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or an explicit
 * OTEL_TRACES_EXPORTER other than `none`; OTEL_SDK_DISABLED=true wins over both.
 */
export const tracingRequested = (env: NodeJS.ProcessEnv = process.env): boolean => {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER) return env.OTEL_TRACES_EXPORTER !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
};

export type Tracing = { shutdown(): Promise<void> };

/**
 * Starts the OpenTelemetry SDK for this process when requested; the exporter, sampler and
 * resource come from the OTEL_* variables (service name `crm-<service>` unless
 * OTEL_SERVICE_NAME says otherwise). Our spans go through @opentelemetry/api, which does
 * nothing while no SDK is started. Metrics and logs stay with Prometheus and pino. The SDK is
 * loaded only when asked for: it is a large part of the start-up time otherwise.
 */
export const startTracing = async (
  service: 'api' | 'projector' | 'cli',
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing | undefined> => {
  if (!tracingRequested(env)) return undefined;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? `crm-${service}`,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
};
