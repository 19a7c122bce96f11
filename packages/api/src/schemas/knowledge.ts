import { z } from 'zod';
import { pageSchema } from './common.js';
import { isStorableText, storableUrl, text } from './primitives.js';

/** As the original library: `{ title, summary, tags, url?, body? }`. */
export const knowledgeArticleInputSchema = z.object({
  title: text().trim().min(1).max(300),
  summary: text().trim().min(1).max(2000),
  tags: z.array(text().trim().min(1).max(50)).max(20),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .refine(isStorableText, storableUrl)
    .nullish(),
  body: text().max(100_000).nullish(),
});

export const knowledgeListSchema = z
  .object({ q: text().trim().min(1).max(200).optional(), ...pageSchema })
  .optional();

export const knowledgeIdSchema = z.object({ id: z.uuid() });

export const knowledgeUpdateSchema = knowledgeIdSchema.extend(knowledgeArticleInputSchema.shape);
