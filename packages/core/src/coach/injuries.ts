import { stemMatcher } from './keywords.js';

/** The injuries for which the coach always advises seeing a medical professional. */
export const flaggedInjuries = [
  'hamstring',
  'achilles',
  'shin_splints',
  'plantar_fasciitis',
  'hip_flexor',
] as const;
export type FlaggedInjury = (typeof flaggedInjuries)[number];

const injuryStems: Readonly<Record<FlaggedInjury, readonly string[]>> = {
  hamstring: [
    'hamstring',
    'isquio',
    'ischio',
    'bíceps femoral',
    'biceps femoris',
    'oberschenkelrückseite',
    'posterior da coxa',
    'posteriore della coscia',
  ],
  achilles: ['achilles', 'aquiles', 'achille', 'aquileu', 'tendon d’achille', 'calcaneal tendon'],
  shin_splints: [
    'shin splint',
    'shin pain',
    'shins',
    'periostit',
    'périostite',
    'medial tibial',
    'schienbeinkanten',
    'schienbein',
    'canilla',
    'espinilla',
    'canelite',
    'tibial stress',
  ],
  plantar_fasciitis: ['plantar', 'fascitis', 'fasciite', 'fasziitis', 'fasceíte', 'fascite'],
  hip_flexor: [
    'hip flexor',
    'psoas',
    'iliopsoas',
    'flexor de cadera',
    'flexores de cadera',
    'fléchisseur',
    'hüftbeuger',
    "flessori dell'anca",
    'flessore',
    'flexor do quadril',
    'flexores do quadril',
  ],
};

const matchers = flaggedInjuries.map(
  (injury) => [injury, stemMatcher(injuryStems[injury])] as const,
);

/** The flagged injuries a text names, in the fixed order of `flaggedInjuries`. */
export function detectInjuries(text: string): FlaggedInjury[] {
  return matchers.filter(([, matcher]) => matcher.test(text)).map(([injury]) => injury);
}
