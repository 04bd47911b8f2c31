import { PassThrough } from 'node:stream';
import { createProjectorLog } from './projector-log';

const capture = () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
};

describe('createProjectorLog', () => {
  it('json: one object per line with the fields, bigints as strings', () => {
    const { out, text } = capture();
    createProjectorLog(out, { format: 'json' })('log', 'caught up', { position: 42n, owner: 'p' });
    const line = JSON.parse(text()) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'log',
      context: 'Projector',
      message: 'caught up',
      position: '42',
      owner: 'p',
    });
    expect(text().endsWith('}\n')).toBe(true);
  });

  it('text: the message then key=value pairs; levels above the threshold are dropped', () => {
    const { out, text } = capture();
    const log = createProjectorLog(out, { format: 'text', level: 'warn' });
    log('log', 'not shown');
    log('warn', 'lease renew failed', { projection: 'contacts' });
    expect(text()).toMatch(/^\S+ WARN \[Projector\] lease renew failed projection="contacts"\n$/);
  });
});
