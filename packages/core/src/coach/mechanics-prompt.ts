import type { ExperienceLevel, SprintEvent } from '../training/plans/types.js';

/** The parts of sprint mechanics an analysis rates, in the order the model is asked about them. */
export const mechanicsAspects = ['posture', 'shinAngles', 'groundContact', 'armAction'] as const;
export type MechanicsAspect = (typeof mechanicsAspects)[number];

export const mechanicsRatings = ['good', 'needs_work', 'not_visible'] as const;
export type MechanicsRating = (typeof mechanicsRatings)[number];

/** What the model is told besides the frames; closed values only, never the athlete's text. */
export interface MechanicsContext {
  readonly mediaKind: 'video' | 'image';
  readonly frameCount: number;
  readonly event: SprintEvent | null;
  readonly experienceLevel: ExperienceLevel | null;
  /** The athlete's profile lists an injury. */
  readonly injured: boolean;
}

const aspectQuestions: Readonly<Record<MechanicsAspect, string>> = {
  posture: 'posture: trunk and head alignment, hip height, forward lean for the phase',
  shinAngles: 'shinAngles: shin angle at touchdown and in front-side mechanics',
  groundContact:
    'groundContact: where the foot lands relative to the hips, contact on the ball of the foot',
  armAction: 'armAction: range, rhythm and symmetry of the arm swing, relaxed shoulders',
};

const role =
  'You are Aria, an elite sprint coach reviewing an athlete’s sprint technique from still ' +
  'frames. Judge only what the frames show; rate an aspect "not_visible" when they do not ' +
  'show it, and never guess.';

const answerRules =
  'Answer in JSON with: summary (two or three sentences), one object per aspect with rating ' +
  '(good, needs_work or not_visible), observation (what the frames show) and cue (one short ' +
  'coaching cue, empty when the rating is good or not_visible), and drills (at most five ' +
  'drill names that address what needs work).';

const injuryRule =
  'The athlete profile lists an injury: suggest no drills (an empty list) and say in the ' +
  'summary that a doctor or physiotherapist should clear them before sprinting again.';

function describeAthlete(context: MechanicsContext): string {
  const event = context.event ?? 'an unstated sprint event';
  const level = context.experienceLevel ?? 'unstated';
  return `The athlete races ${event}; experience level: ${level}. Weigh your judgement for that event and level.`;
}

function describeFrames(context: MechanicsContext): string {
  if (context.mediaKind === 'image') return 'You get one photo of the athlete sprinting.';
  return (
    `You get ${context.frameCount} frames taken at even intervals from one video of the ` +
    'athlete sprinting, in order.'
  );
}

/** The system prompt and the text that goes with the frames of a mechanics analysis. */
export function buildMechanicsPrompt(context: MechanicsContext): {
  readonly system: string;
  readonly instruction: string;
} {
  const rules = [role, answerRules, ...(context.injured ? [injuryRule] : [])];
  const aspects = mechanicsAspects.map((aspect) => `- ${aspectQuestions[aspect]}`).join('\n');
  return {
    system: rules.join('\n\n'),
    instruction: [
      describeFrames(context),
      describeAthlete(context),
      `Rate these aspects:\n${aspects}`,
    ].join('\n'),
  };
}
