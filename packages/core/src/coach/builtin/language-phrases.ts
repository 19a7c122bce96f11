import type { CoachLanguage } from '../language.js';
import type { Phrases } from './phrases.js';
import { english } from './phrases-en.js';
import { spanish } from './phrases-es.js';

const byLanguage: Readonly<Partial<Record<CoachLanguage, Phrases>>> = { en: english, es: spanish };

/** The built-in coach writes English and Spanish; other languages get English. */
export function phrasesFor(language: CoachLanguage): Phrases {
  return byLanguage[language] ?? english;
}

export function hasPhrases(language: CoachLanguage): boolean {
  return byLanguage[language] !== undefined;
}
