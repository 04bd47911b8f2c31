/** One sample of a Prometheus text exposition. */
export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Exposition = { types: Record<string, string>; samples: Sample[] };

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${METRIC_NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+-?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created'];

const parseLabels = (text: string, line: string): Record<string, string> => {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`malformed labels in: ${line}`);
    labels[match[1]] = match[2].replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
  }
  return labels;
};

/** Values as Prometheus reads them (Go's ParseFloat: NaN and Inf in any letter case). */
const parseValue = (text: string, line: string): number => {
  const lower = text.toLowerCase();
  if (lower === '+inf' || lower === 'inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (lower === 'nan') return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`malformed value in: ${line}`);
  return value;
};

const familyOf = (name: string, types: Record<string, string>): string | undefined => {
  if (types[name]) return name;
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && types[name.slice(0, -s.length)]);
  return suffix ? name.slice(0, -suffix.length) : undefined;
};

/**
 * Parses the Prometheus text format (version 0.0.4) strictly enough for a test: every line is a
 * HELP, a TYPE or a sample; every sample belongs to a family whose TYPE came before it.
 * Throws on the first line that is none of these.
 */
export const parsePrometheusText = (text: string): Exposition => {
  const types: Record<string, string> = {};
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      if (!TYPES.includes(type[2])) throw new Error(`unknown type in: ${line}`);
      types[type[1]] = type[2];
      continue;
    }
    if (/^# HELP \S+ /.test(line)) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a Prometheus text line: ${line}`);
    if (!familyOf(sample[1], types)) throw new Error(`sample before its TYPE: ${line}`);
    samples.push({
      name: sample[1],
      labels: sample[2] ? parseLabels(sample[2], line) : {},
      value: parseValue(sample[3], line),
    });
  }
  return { types, samples };
};

/** The value of the one sample with this name and these labels (among others); 0 if absent. */
export const valueOf = (
  exposition: Exposition,
  name: string,
  labels: Record<string, string> = {},
): number =>
  exposition.samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
