import { distance } from 'fastest-levenshtein';
import { fold, stemsOf, type Token } from './text.js';

/**
 * One word of a term. A word of four letters or more also matches longer words it starts
 * ("hamstring" → "hamstrings"), the same Snowball stem in one of the languages ("injuries"
 * → "injury"), and a typo of it: one edit (two from eight letters) or two swapped letters
 * ("hamstirng", "ankel"). Shorter words match exactly. `=word` matches only exactly;
 * `*word` also inside a compound word.
 */
interface TermWord {
  readonly folded: string;
  readonly stems: readonly string[];
  readonly exact: boolean;
  /** `*word`: also inside a compound ("Rückenschmerzen", "knäskada"). */
  readonly inside: boolean;
}

/** A term: words in order; `…` lets up to three other words stand between two words. */
interface Term {
  readonly source: string;
  readonly words: readonly (TermWord | 'gap')[];
}

export interface Vocabulary {
  readonly terms: readonly Term[];
}

/** Two neighbouring letters swapped, past the first ("pian", not "often" for "foten"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  const [i, j] = diff;
  return (
    diff.length === 2 && i !== undefined && i > 0 && j === i + 1 && a[i] === b[j] && a[j] === b[i]
  );
}

/**
 * Function words match a term only letter for letter: another language's stemmer or one typo
 * away they become content words ("should" is stemmed like "shoulder" in German).
 */
const functionWords = new Set([
  'should',
  'could',
  'would',
  'often',
  'about',
  'after',
  'before',
  'where',
  'there',
  'their',
  'these',
  'those',
  'which',
  'while',
  'until',
  'since',
  'every',
  'other',
  'through',
  'during',
  'again',
  'always',
  'maybe',
  'really',
  'still',
  'what',
  'when',
  'will',
  'your',
  'have',
  'does',
  'doing',
  'been',
  'being',
  'then',
  'than',
  'that',
  'this',
  'they',
  'them',
  'were',
  'here',
  'some',
  'much',
  'many',
  'very',
  'just',
  'with',
  'from',
  'into',
  'over',
  'under',
  'also',
  'genau',
  'genom',
  'soll',
  'sollte',
]);

function typoOf(word: string, term: string): boolean {
  // Typos rarely touch the first letter; requiring it keeps "pressure" from "blessure".
  if (term.length < 5 || word.length < 5 || word[0] !== term[0]) return false;
  if (distance(word, term) <= (term.length >= 9 ? 2 : 1) || swapped(word, term)) return true;
  // A misspelt stem with an ending: "hamstirngs", "injurd".
  const head = word.slice(0, term.length);
  return (
    term.length >= 6 &&
    word.length > term.length &&
    (distance(head, term) <= 1 || swapped(head, term))
  );
}

export function wordMatches(token: Token, word: TermWord): boolean {
  const { folded } = word;
  if (token.folded === folded) return true;
  if (folded.length < 4 || functionWords.has(token.folded)) return false;
  // Two letters swapped is the commonest typo, even in short words ("pian", "ankel"); an
  // exact term of five letters or more takes no typo ("wirst" is German, not "wrist").
  if (swapped(token.folded, folded) && (!word.exact || folded.length <= 4)) return true;
  if (word.exact) return false;
  if (token.folded.startsWith(folded) || (word.inside && token.folded.includes(folded))) {
    return true;
  }
  // Stems of four letters or fewer collide across languages ("många" and "manger").
  if (token.stems.some((stem, index) => stem.length >= 5 && stem === word.stems[index])) {
    return true;
  }
  return typoOf(token.folded, folded);
}

function termWord(text: string): TermWord {
  const exact = text.startsWith('=');
  const inside = text.startsWith('*');
  const word = exact || inside ? text.slice(1) : text;
  return { folded: fold(word), stems: stemsOf(word), exact, inside };
}

/**
 * Built on first use: stemming every word of the lexicons in seven languages took a seventh
 * of the server's cold start, and a process that never coaches never needs it.
 */
export function vocabulary(sources: readonly string[]): Vocabulary {
  let terms: readonly Term[] | undefined;
  return {
    get terms() {
      terms ??= sources.map((source) => ({
        source,
        words: source
          .split(/\s+/u)
          .filter((part) => part !== '')
          .map((part) => (part === '…' ? ('gap' as const) : termWord(part))),
      }));
      return terms;
    },
  };
}

const maxGap = 3;

/** Where `term` matches starting at token `at`: the index of its last word, or -1. */
function matchAt(tokens: readonly Token[], at: number, term: Term): number {
  let position = at;
  let gap = 0;
  for (const word of term.words) {
    if (word === 'gap') {
      gap = maxGap;
      continue;
    }
    let found = -1;
    for (let next = position; next <= Math.min(position + gap, tokens.length - 1); next += 1) {
      const token = tokens[next];
      if (token && wordMatches(token, word)) {
        found = next;
        break;
      }
    }
    if (found < 0) return -1;
    position = found + 1;
    gap = 0;
  }
  return position - 1;
}

export interface TermHit {
  readonly term: string;
  /** Index of the term's first token. */
  readonly start: number;
  readonly end: number;
}

/** Every place a term of the vocabulary matches the tokens. */
export function findTerms(tokens: readonly Token[], vocab: Vocabulary): TermHit[] {
  const hits: TermHit[] = [];
  for (const term of vocab.terms) {
    for (let start = 0; start < tokens.length; start += 1) {
      const end = matchAt(tokens, start, term);
      if (end >= 0) hits.push({ term: term.source, start, end });
    }
  }
  return hits;
}

export function hasTerm(tokens: readonly Token[], vocab: Vocabulary): boolean {
  return vocab.terms.some((term) => tokens.some((_, start) => matchAt(tokens, start, term) >= 0));
}
