import { createHash } from 'node:crypto';

/**
 * `@upstash/ratelimit` >= 2.1 (and other Upstash-targeted code) starts its Lua scripts with
 * `#!lua flags=allow-key-locking`, an Upstash-only flag (lock only the declared KEYS) that
 * Redis 7.0 rejects ("Unexpected flag in script shebang"). We chose to rewrite the flag away
 * in this test bridge rather than pin ratelimit 2.0.x: the line becomes `#!lua` plus any
 * other flags, so line numbers in Lua errors stay the same and the script body is untouched.
 *
 * A rewritten script has a different SHA1, but the client computes EVALSHA hashes from the
 * original text. The bridge therefore remembers original -> rewritten hashes (filled by EVAL
 * and SCRIPT LOAD), translates EVALSHA / SCRIPT EXISTS, and answers SCRIPT LOAD with the
 * original hash. An unknown hash still gets NOSCRIPT, so clients fall back to EVAL as usual.
 *
 * Production behind serverless-redis-http (plain Redis) gets no such rewrite.
 */
const UNSUPPORTED_FLAG = 'allow-key-locking';
const SHEBANG_LINE = /^#!lua([^\n]*)/;

/** The script with `allow-key-locking` removed from a leading `#!lua` line, else unchanged. */
export function rewriteShebang(script: string): string {
  const line = SHEBANG_LINE.exec(script);
  if (line === null) return script;
  const words = (line[1] ?? '').trim().split(/\s+/).filter(Boolean);
  let changed = false;
  const kept = words.flatMap((word) => {
    if (!word.startsWith('flags=')) return [word];
    const flags = word.slice('flags='.length).split(',');
    const others = flags.filter((flag) => flag !== UNSUPPORTED_FLAG);
    changed ||= others.length !== flags.length;
    return others.length > 0 ? [`flags=${others.join(',')}`] : [];
  });
  if (!changed) return script;
  return `${['#!lua', ...kept].join(' ')}${script.slice(line[0].length)}`;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** A Redis command: its upper-cased name, then its arguments. */
export type RedisCommand = [name: string, ...args: string[]];

export interface PreparedCommand {
  /** The command to send to Redis. */
  readonly args: RedisCommand;
  /** When set, the successful reply is replaced by this (SCRIPT LOAD's original hash). */
  readonly reply?: string;
}

/** Rewrites script commands for plain Redis; one instance per bridge (it keeps the hash map). */
export function createScriptCompat(): (args: RedisCommand) => PreparedCommand {
  const rewrittenSha = new Map<string, string>();
  const remember = (script: string): string => {
    const rewritten = rewriteShebang(script);
    if (rewritten !== script) rewrittenSha.set(sha1(script), sha1(rewritten));
    return rewritten;
  };
  const translate = (sha: string) => rewrittenSha.get(sha.toLowerCase()) ?? sha;

  return (args) => {
    const [name, first, ...rest] = args;
    if (first === undefined) return { args };
    switch (name) {
      case 'EVAL':
      case 'EVAL_RO':
        return { args: [name, remember(first), ...rest] };
      case 'EVALSHA':
      case 'EVALSHA_RO':
        return { args: [name, translate(first), ...rest] };
      case 'SCRIPT': {
        const sub = first.toUpperCase();
        if (sub === 'LOAD' && rest[0] !== undefined) {
          return { args: [name, first, remember(rest[0])], reply: sha1(rest[0]) };
        }
        if (sub === 'EXISTS') return { args: [name, first, ...rest.map(translate)] };
        return { args };
      }
      default:
        return { args };
    }
  };
}
