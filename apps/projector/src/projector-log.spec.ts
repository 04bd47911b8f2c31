import { createLogger } from '@crm/application/logging';
import { PassThrough } from 'node:stream';
import { projectorLogOver } from './projector-log';

const capture = () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
};

describe('projectorLogOver', () => {
  it('json: one object per line with the shared fields, bigints as strings', () => {
    const { out, text } = capture();
    const logger = createLogger({ service: 'projector', format: 'json', destination: out });
    projectorLogOver(logger)('log', 'caught up', { position: 42n, owner: 'p' });
    const line = JSON.parse(text()) as Record<string, unknown>;
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      service: 'projector',
      pid: process.pid,
      context: 'Projector',
      msg: 'caught up',
      position: '42',
      owner: 'p',
    });
    expect(text().endsWith('}\n')).toBe(true);
  });

  it('text off a terminal: no colour codes; levels below the threshold are dropped', () => {
    const { out, text } = capture();
    const logger = createLogger({
      service: 'projector',
      format: 'text',
      level: 'warn',
      destination: out,
    });
    const log = projectorLogOver(logger);
    log('log', 'not shown');
    log('warn', 'lease renew failed', { projection: 'contacts' });
    expect(text()).toMatch(/^\S+Z WARN \[Projector\] lease renew failed projection="contacts"\n$/);
    expect(text()).not.toContain('\x1b[');
  });

  it('JSON by default when the destination is not a terminal', () => {
    const { out, text } = capture();
    projectorLogOver(createLogger({ service: 'projector', destination: out }))('log', 'x');
    expect(JSON.parse(text())).toMatchObject({ msg: 'x', level: 'info' });
  });
});
