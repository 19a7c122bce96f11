/**
 * A small reader of Bicep source, enough for consistency checks: it skips comments and
 * strings (including `'''` multi-line strings and `${…}` interpolation) and reports
 * unbalanced brackets. It is not a compiler; GitHub CI runs `az bicep build` for that.
 */
export function bracketProblems(source: string): string[] {
  type Frame =
    | { kind: 'bracket'; char: string; line: number }
    | { kind: 'interpolation'; line: number };
  const problems: string[] = [];
  const frames: Frame[] = [];
  const opening: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let line = 1;
  let i = 0;

  /** From just inside a `'…'` string to its end, or into a `${` (which opens a frame). */
  const scanString = (): void => {
    while (i < source.length) {
      const char = source[i];
      if (char === '\n') line += 1;
      if (char === '\\') {
        i += 2;
        continue;
      }
      i += 1;
      if (char === "'") return;
      if (char === '$' && source[i] === '{') {
        frames.push({ kind: 'interpolation', line });
        i += 1;
        return;
      }
    }
    problems.push(`line ${line}: unterminated string`);
  };

  while (i < source.length) {
    const char = source[i] ?? '';
    if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
      continue;
    }
    if (source.startsWith('/*', i) || source.startsWith("'''", i)) {
      const close = source.startsWith('/*', i) ? '*/' : "'''";
      const end = source.indexOf(close, i + close.length);
      if (end < 0) {
        problems.push(
          `line ${line}: unterminated ${close === '*/' ? 'comment' : 'multi-line string'}`,
        );
        break;
      }
      line += source.slice(i, end).split('\n').length - 1;
      i = end + close.length;
      continue;
    }
    i += 1;
    if (char === '\n') line += 1;
    else if (char === "'") scanString();
    else if (char === '(' || char === '[' || char === '{')
      frames.push({ kind: 'bracket', char, line });
    else if (char === ')' || char === ']' || char === '}') {
      const frame = frames.pop();
      if (frame?.kind === 'interpolation' && char === '}') scanString();
      else if (frame?.kind !== 'bracket' || frame.char !== opening[char]) {
        problems.push(`line ${line}: unexpected ${char}`);
      }
    }
  }
  for (const frame of frames) {
    problems.push(
      `line ${frame.line}: ${frame.kind === 'bracket' ? frame.char : '${'} never closed`,
    );
  }
  return problems;
}

/** `param name type` declarations, with whether they have a default and are `@secure()`. */
export function declaredParams(
  source: string,
): Map<string, { hasDefault: boolean; secure: boolean }> {
  const params = new Map<string, { hasDefault: boolean; secure: boolean }>();
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    const match = /^param\s+(\w+)\s+\w+(\s*=)?/.exec(text);
    if (!match?.[1]) return;
    let secure = false;
    for (let back = index - 1; back >= 0 && /^\s*@/.test(lines[back] ?? ''); back -= 1) {
      if (/^\s*@secure\(\)/.test(lines[back] ?? '')) secure = true;
    }
    params.set(match[1], { hasDefault: Boolean(match[2]), secure });
  });
  return params;
}

/** `param name = value` assignments of a .bicepparam file. */
export function assignedParams(source: string): Map<string, string> {
  const assigned = new Map<string, string>();
  for (const [, name = '', value = ''] of source.matchAll(/^param\s+(\w+)\s*=\s*(.+)$/gm)) {
    assigned.set(name, value.trim());
  }
  return assigned;
}
