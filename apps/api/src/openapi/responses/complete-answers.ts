import { OpenAPIObject } from '@nestjs/swagger';
import {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isPublicPath } from '../../auth/public-routes';
import { ANSWER_SCHEMAS, ROUTE_ANSWERS } from './answer-schemas';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const MASKED_FIELDS_HEADER = {
  description:
    'for a caller without pii:read: the personal-data fields masked as "***" in this answer, comma-separated, or "none"',
  schema: { type: 'string' },
};

/** The success status of an operation: the one it declares, else 201 for a POST, else 200. */
const successStatus = (method: string, operation: OperationObject): string =>
  Object.keys(operation.responses).find((status) => status.startsWith('2')) ??
  (method === 'post' ? '201' : '200');

/**
 * Every success answer gets its schema: the routes of `ROUTE_ANSWERS` their component, /metrics
 * its text. An answer any caller without `pii:read` gets is masked: it says so in X-Masked-Fields.
 */
export const completeAnswers = (document: OpenAPIObject): void => {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...ANSWER_SCHEMAS },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      const name = ROUTE_ANSWERS[`${method} ${path}`];
      if (path === '/metrics') {
        responses['200'] = {
          description: 'Prometheus text exposition format',
          content: { 'text/plain': { schema: { type: 'string' } } },
        };
        continue;
      }
      if (name === undefined) continue;
      const status = successStatus(method, operation);
      const existing = responses[status];
      responses[status] = {
        ...existing,
        description: existing?.description || 'OK',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
        ...(!isPublicPath(path, true) && {
          headers: { ...existing?.headers, 'X-Masked-Fields': MASKED_FIELDS_HEADER },
        }),
      };
    }
  }
};
