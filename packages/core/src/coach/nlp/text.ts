import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';

/** Snowball stemmers of the languages the coach reads, in a fixed order. */
const stemmers = [english, spanish, german, swedish, french, italian, portuguese] as const;

/** Lower case without accents ("Rücken" → "rucken", "lesión" → "lesion"); "ß" → "ss". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replaceAll('’', "'");
}

export interface Token {
  /** The word folded (see `fold`). */
  readonly folded: string;
  /** Its stem in each language, folded, in the order of `stemmers`. */
  readonly stems: readonly string[];
  /** Index of the clause (split at . ! ? ; , and line breaks) the word belongs to. */
  readonly clause: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const clauseBreak = /[.!?;,:\n()¿¡]/u;

export function stemsOf(word: string): string[] {
  const lower = word.toLowerCase();
  return stemmers.map((stem) => fold(stem(lower)));
}

/**
 * The words of a text as tokens (Unicode word segmentation, so "don't", "d'Achille" and
 * "knäet" are words), each with its clause so negations and prohibitions stay local.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  // "60m", "40s": the number and its unit are two words.
  const spaced = text.replaceAll('’', "'").replace(/(\d)(\p{L})/gu, '$1 $2');
  for (const part of segmenter.segment(spaced)) {
    if (!part.isWordLike) {
      if (clauseBreak.test(part.segment)) clause += 1;
      continue;
    }
    // "d'achille", "l'ischio": the article before an apostrophe is not part of the word.
    // "knee's been sore", "hamstring's tight": the noun, not a word of its own (but "it's", "that's").
    const word = part.segment
      .replace(/^(?:[dlcjmnst]|qu)'(?=\p{L}{3})/iu, '')
      .replace(/^(?!(?:it|he|she|that|what|there|here|where|who|let)')(\p{L}{3,})'s$/iu, '$1');
    tokens.push({ folded: fold(word), stems: stemsOf(word), clause });
  }
  return tokens;
}
