/**
 * A case-insensitive matcher for words that start with one of `stems` (so "sprints" matches
 * "sprint"), in any script: the start of a stem must not follow a letter or digit.
 */
export function stemMatcher(stems: readonly string[]): RegExp {
  const escaped = stems.map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'iu');
}
