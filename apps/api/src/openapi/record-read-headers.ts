import {
  OperationObject,
  ParameterObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RECORD_READ_ROUTES } from '../http/record-etags';

/** `/leads/{id}` as the router names it: `/leads/:id`. */
const routeOf = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

/** The record reads' ETag on 200, their If-None-Match parameter and their 304 answer. */
export const completeRecordRead = (path: string, method: string, operation: OperationObject) => {
  if (method !== 'get' || !RECORD_READ_ROUTES.has(routeOf(path))) return;
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  if (!parameters.some((parameter) => parameter.name === 'If-None-Match')) {
    parameters.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'an ETag this read gave before: 304 without a body while it still holds',
      schema: { type: 'string' },
    });
  }
  operation.parameters = parameters;
  const responses = operation.responses as Record<string, ResponseObject>;
  const ok = (responses['200'] ??= {
    description: 'OK',
    content: { 'application/json': { schema: { type: 'object' } } },
  });
  ok.headers = {
    ...ok.headers,
    ETag: {
      description:
        'the record revision, a dash and a digest of the answer ("3-Zm9v..."); send it as If-Match to change the record at that revision',
      schema: { type: 'string' },
    },
  };
  responses['304'] = {
    description: 'Not Modified: If-None-Match names the current ETag; no body',
    headers: { ETag: { description: 'the current tag', schema: { type: 'string' } } },
  };
};
