import { TestApp } from './test-app';

/** One answer the API gave, with the request that got it. */
export type RecordedAnswer = {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  text: string;
};

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type AnswerRecorder = {
  /** Sends a request as `agent` (default: an admin) and records its answer; fails unless 2xx. */
  send: (
    method: Method,
    path: string,
    body?: object,
    agent?: ReturnType<TestApp['http']>,
  ) => Promise<RecordedAnswer>;
  answers: RecordedAnswer[];
};

export const answerRecorder = (t: TestApp): AnswerRecorder => {
  const answers: RecordedAnswer[] = [];
  return {
    answers,
    send: async (method, path, body, agent = t.http()) => {
      const request = agent[method](path);
      const response = await (body === undefined ? request : request.send(body));
      if (response.status < 200 || response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
      const answer = {
        method,
        path: path.split('?')[0],
        status: response.status,
        contentType: String(response.headers['content-type'] ?? ''),
        body: response.body as unknown,
        text: response.text,
      };
      answers.push(answer);
      return answer;
    },
  };
};
