/**
 * The languages the coach recognises. The built-in coach writes every answer in English,
 * Spanish, German and Swedish, and its safety, medical and nutrition answers in all of them.
 */
export const coachLanguages = ['en', 'es', 'fr', 'de', 'sv', 'it', 'pt'] as const;
export type CoachLanguage = (typeof coachLanguages)[number];

export const languageNames: Readonly<Record<CoachLanguage, string>> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  sv: 'Swedish',
  it: 'Italian',
  pt: 'Portuguese',
};

/** Frequent short words of each language (function words rarely shared across them). */
const markers: Readonly<Record<CoachLanguage, readonly string[]>> = {
  en: [
    'the',
    'and',
    'is',
    'my',
    'how',
    'what',
    'should',
    'do',
    'to',
    'for',
    'with',
    'can',
    'in',
    'after',
    'before',
    'it',
    'of',
    "i'm",
    'me',
    'have',
    'when',
    'feel',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'mi',
    'cómo',
    'como',
    'qué',
    'que',
    'debo',
    'para',
    'con',
    'es',
    'y',
    'por',
    'mis',
    'tengo',
    'puedo',
    'me',
    'muy',
    'de',
    'antes',
    'del',
    'al',
    'se',
    'cuánto',
    'cuántas',
    'hago',
    'hacer',
    'entre',
    'después',
    'duele',
  ],
  fr: [
    'le',
    'la',
    'les',
    'mon',
    'ma',
    'mes',
    'comment',
    'quoi',
    'je',
    'dois',
    'pour',
    'avec',
    'est',
    'et',
    'des',
    'du',
    'une',
  ],
  de: [
    'der',
    'die',
    'das',
    'mein',
    'meine',
    'wie',
    'was',
    'ich',
    'soll',
    'für',
    'mit',
    'ist',
    'und',
    'nicht',
    'ein',
    'eine',
    'habe',
    'im',
    'nach',
    'beim',
    'vor',
    'bei',
    'wenn',
    'sollte',
    'meinem',
    'seit',
    'dem',
    'den',
    'zieht',
    'meiner',
    'auf',
  ],
  sv: [
    'och',
    'är',
    'jag',
    'hur',
    'vad',
    'ska',
    'min',
    'mitt',
    'mina',
    'för',
    'med',
    'inte',
    'det',
    'att',
    'på',
    'av',
    'kan',
    'har',
    'efter',
    'innan',
    'mellan',
    'när',
    'bör',
    'jämfört',
    'vilken',
    'vilka',
    'passar',
    'varför',
    'sedan',
    'får',
    'jag',
    'gör',
    'ont',
    'hur',
  ],
  it: [
    'il',
    'lo',
    'gli',
    'mio',
    'mia',
    'come',
    'cosa',
    'devo',
    'per',
    'con',
    'è',
    'e',
    'non',
    'della',
    'sono',
    'ho',
    'dopo',
    'mi',
    'fa',
    'quanto',
    'quante',
    'tra',
    'le',
    'male',
    'posso',
    'uno',
    'nel',
    'sul',
    'degli',
    'dei',
  ],
  pt: [
    'o',
    'os',
    'meu',
    'minha',
    'como',
    'que',
    'devo',
    'para',
    'com',
    'é',
    'e',
    'não',
    'uma',
    'estou',
    'tenho',
  ],
};

/** Letters that only some of the languages use; each hit weighs like two marker words. */
const letters: Readonly<Partial<Record<CoachLanguage, RegExp>>> = {
  es: /[ñ¿¡]/g,
  de: /[üß]/g,
  sv: /[å]/g,
  fr: /[çœêâîû]/g,
  pt: /[ãõ]/g,
};

/**
 * The language of a text, by counting marker words and letters, or null when it has no
 * marker of any of them (another language, or too short to tell). Ties go to the first
 * language of `coachLanguages`. Deterministic, so the built-in coach answers the same each time.
 */
export function recogniseLanguage(text: string): CoachLanguage | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: CoachLanguage | null = null;
  let bestScore = 0;
  for (const language of coachLanguages) {
    const vocabulary = new Set(markers[language]);
    let score = words.filter((word) => vocabulary.has(word)).length;
    const pattern = letters[language];
    if (pattern) score += 2 * (text.toLowerCase().match(pattern)?.length ?? 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

/** As `recogniseLanguage`, English when it cannot tell. */
export function detectLanguage(text: string): CoachLanguage {
  return recogniseLanguage(text) ?? 'en';
}
