import { z } from 'zod';
import { pageSchema } from './common.js';

/** As the original library: `{ title, summary, tags, url?, body? }`. */
export const knowledgeArticleInputSchema = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(2000),
  tags: z.array(z.string().trim().min(1).max(50)).max(20),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
  body: z.string().max(100_000).nullish(),
});

export const knowledgeListSchema = z
  .object({ q: z.string().trim().min(1).max(200).optional(), ...pageSchema })
  .optional();

export const knowledgeIdSchema = z.object({ id: z.uuid() });

export const knowledgeUpdateSchema = knowledgeIdSchema.extend(knowledgeArticleInputSchema.shape);
