import type { AnswerField } from './types.js';

export interface FieldDelta {
  readonly field: AnswerField;
  readonly text: string;
}

const escapes: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
};

/**
 * Reads a JSON object as it streams in and hands out the decoded text of its top-level
 * `analysis` and `recommendation` strings as it arrives. It only scans characters (depth,
 * strings, escapes); the complete text is still parsed with the answer schema at the end.
 */
export class AnswerFieldExtractor {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private unicode: string | null = null;
  private expectingKey = false;
  private readingKey = false;
  private key = '';
  private lastKey = '';
  private field: AnswerField | null = null;
  private out: FieldDelta[] = [];

  push(chunk: string): FieldDelta[] {
    this.out = [];
    for (const char of chunk) {
      if (this.inString) this.stringChar(char);
      else this.structureChar(char);
    }
    return this.out;
  }

  private structureChar(char: string): void {
    if (char === '{' || char === '[') {
      this.depth += 1;
      if (char === '{' && this.depth === 1) this.expectingKey = true;
    } else if (char === '}' || char === ']') {
      this.depth -= 1;
    } else if (char === ',' && this.depth === 1) {
      this.expectingKey = true;
    } else if (char === '"') {
      this.inString = true;
      this.readingKey = this.depth === 1 && this.expectingKey;
      this.expectingKey = false;
      this.key = '';
      const keyOfValue = this.readingKey || this.depth !== 1 ? '' : this.lastKey;
      this.field = keyOfValue === 'analysis' || keyOfValue === 'recommendation' ? keyOfValue : null;
    }
  }

  private stringChar(char: string): void {
    if (this.unicode !== null) {
      this.unicode += char;
      if (this.unicode.length === 4) {
        this.emit(String.fromCharCode(Number.parseInt(this.unicode, 16)));
        this.unicode = null;
      }
    } else if (this.escaped) {
      this.escaped = false;
      if (char === 'u') this.unicode = '';
      else this.emit(escapes[char] ?? char);
    } else if (char === '\\') {
      this.escaped = true;
    } else if (char === '"') {
      this.inString = false;
      if (this.readingKey) this.lastKey = this.key;
      this.field = null;
    } else {
      this.emit(char);
    }
  }

  private emit(text: string): void {
    if (this.readingKey) {
      this.key += text;
      return;
    }
    if (this.field === null) return;
    const last = this.out.at(-1);
    if (last && last.field === this.field) {
      this.out[this.out.length - 1] = { field: last.field, text: last.text + text };
    } else {
      this.out.push({ field: this.field, text });
    }
  }
}
