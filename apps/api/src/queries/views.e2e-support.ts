import type { Test } from 'supertest';
import { TENANT, TestApp } from '../../../../test/support/test-app';

/** Helpers for the query endpoints' end-to-end suites. */

export const OTHER_TENANT = 'globex';

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export type CommandAnswer = { id: string; revision: number; position: string; appended: number };

export type ViewsClient = {
  /** Sends a command; fails the test unless it answers 200 or 201. */
  command: (
    method: 'post' | 'put' | 'patch' | 'delete',
    path: string,
    body?: object,
  ) => Promise<CommandAnswer>;
  /** A GET that waits for every command this client sent (`minPosition`). */
  read: (path: string) => Test;
  /** A GET as it is, without `minPosition`. */
  get: (path: string) => Test;
};

/** Sends commands and reads as one tenant, remembering the last position written. */
export const viewsClient = (t: TestApp, tenantId = TENANT): ViewsClient => {
  let position = -1n;
  const agent = () => t.as(tenantId).set('x-tenant-id', tenantId);
  return {
    command: async (method, path, body = {}) => {
      const response = await agent()[method](path).send(body);
      if (response.status !== 200 && response.status !== 201) {
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      }
      const answer = response.body as CommandAnswer;
      if (BigInt(answer.position) > position) position = BigInt(answer.position);
      return answer;
    },
    read: (path) =>
      agent().get(
        `${path}${path.includes('?') ? '&' : '?'}minPosition=${position < 0n ? 0 : position}`,
      ),
    get: (path) => agent().get(path),
  };
};

/** The offending field paths of a 400 answer, sorted. */
export const fieldsOf = (body: { fields?: { field: string }[] }): string[] =>
  (body.fields ?? []).map((f) => f.field).sort();
