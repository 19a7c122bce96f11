import { describe, expect, it } from 'vitest';
import { buildMechanicsPrompt, mechanicsAspects } from './mechanics-prompt.js';

describe('buildMechanicsPrompt', () => {
  const video = {
    mediaKind: 'video',
    frameCount: 6,
    event: '100m',
    experienceLevel: 'advanced',
    injured: false,
  } as const;

  it('names the event, the level, the frames and every aspect', () => {
    const { system, instruction } = buildMechanicsPrompt(video);
    expect(instruction).toContain('6 frames');
    expect(instruction).toContain('races 100m; experience level: advanced');
    for (const aspect of mechanicsAspects) expect(instruction).toContain(`- ${aspect}:`);
    expect(system).toContain('not_visible');
    expect(system).not.toContain('physiotherapist');
  });

  it('says what is not known, describes a photo, and applies the injury rule', () => {
    const { system, instruction } = buildMechanicsPrompt({
      ...video,
      mediaKind: 'image',
      frameCount: 1,
      event: null,
      experienceLevel: null,
      injured: true,
    });
    expect(instruction).toContain('one photo');
    expect(instruction).toContain('an unstated sprint event; experience level: unstated');
    expect(system).toContain('suggest no drills');
    expect(system).toContain('physiotherapist');
  });
});
