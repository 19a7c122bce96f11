import { askSchema, imageMaxBytes, imageMediaTypes, zodIssues } from '@aria/api';
import { AppError } from '@aria/core';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

const acceptedTypes: ReadonlySet<string> = new Set(imageMediaTypes);
const formText = z.string().optional();
const mediaFields = z.object({
  question: formText,
  conversationId: formText,
  athleteId: formText,
});

/** The multipart form as the askMedia input; a bad upload throws its problem. */
export async function readMediaForm(c: Context<AppEnv>) {
  const form = await c.req.parseBody();
  const image = form.image;
  if (!(image instanceof File)) {
    throw new AppError('BAD_REQUEST', 'The form needs an `image` file.', {
      issues: [{ path: 'image', message: 'required' }],
    });
  }
  if (!acceptedTypes.has(image.type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image must be a JPEG, PNG or WebP.');
  }
  if (image.size > imageMaxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The image is larger than 10 MB.');
  }
  const fields = mediaFields.safeParse(form);
  const parsed = askSchema.safeParse(fields.success ? fields.data : {});
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'The input is not valid.', {
      issues: zodIssues(parsed.error),
    });
  }
  const data = Buffer.from(await image.arrayBuffer()).toString('base64');
  const mediaType = imageMediaTypes.find((type) => type === image.type) ?? 'image/jpeg';
  return { ...parsed.data, image: { mediaType, data } };
}
