import { parsePrometheusText, valueOf } from './prometheus-text';

describe('parsePrometheusText', () => {
  it('reads families, labels and values', () => {
    const parsed = parsePrometheusText(
      [
        '# HELP a_total things',
        '# TYPE a_total counter',
        'a_total{route="/x",quote="say \\"hi\\""} 3',
        '# TYPE h histogram',
        'h_bucket{le="+Inf"} 2',
        'h_count 2',
        'h_sum 0.5',
        '# TYPE g gauge',
        'g{a="1"} Nan',
        'g{a="2"} +Inf',
        '',
      ].join('\n'),
    );
    expect(parsed.types).toEqual({ a_total: 'counter', h: 'histogram', g: 'gauge' });
    expect(valueOf(parsed, 'a_total', { route: '/x' })).toBe(3);
    expect(parsed.samples[0].labels.quote).toBe('say "hi"');
    expect(valueOf(parsed, 'h_count')).toBe(2);
    expect(valueOf(parsed, 'g', { a: '1' })).toBeNaN();
    expect(valueOf(parsed, 'g', { a: '2' })).toBe(Infinity);
  });

  it.each([
    ['no TYPE before the sample', 'x 1'],
    ['not a line of the format', '# TYPE x counter\nx{route="/"} one'],
    ['broken labels', '# TYPE x counter\nx{route=/} 1'],
    ['HTML', '<html>'],
  ])('refuses %s', (_, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
