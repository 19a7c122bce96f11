/** One sample of a Prometheus text exposition. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses `name{a="x",b="y"} 12` lines (comments skipped; escaped quotes are not needed here). */
export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line.trim());
    if (!match || line.startsWith('#')) continue;
    const [, name = '', labelText = '', value = ''] = match;
    const labels: Record<string, string> = {};
    for (const [, key = '', labelValue = ''] of labelText.matchAll(/(\w+)="([^"]*)"/g)) {
      labels[key] = labelValue;
    }
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

/** Sum of the samples named `name` whose labels include every pair of `labels`. */
export function sampleSum(
  text: string,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  return parseSamples(text)
    .filter((sample) => sample.name === name)
    .filter((sample) =>
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** Every metric name that has at least one sample (histograms by their base name too). */
export function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const { name } of parseSamples(text)) {
    names.add(name);
    names.add(name.replace(/_(bucket|sum|count)$/, ''));
  }
  return names;
}
