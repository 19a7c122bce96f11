import { AppError } from '@aria/core';
import { findConversation, listConversations } from '@aria/db';
import { actingFor } from '../access.js';
import { metered, meteredWithCharge } from '../metering/middleware.js';
import { authedProcedure } from '../procedures.js';
import { askMediaSchema, askSchema, conversationListSchema } from '../schemas/coaching.js';
import { middleware, router } from '../trpc.js';
import { toConversationView } from '../views/coaching.js';
import { analyzeMedia, getAnalysis } from './coaching-analysis.js';
import { type AskPlan, answerQuestion, streamAnswer } from './coaching-flow.js';
import { meteredCall } from './metered.js';

/** A conversation to continue must be the athlete's own; checked before anything is metered. */
const askProcedure = authedProcedure
  .input(askSchema)
  .use(actingFor('write'))
  .use(async ({ ctx, input, next }) => {
    if (input.conversationId !== undefined) {
      const found = await findConversation(ctx.deps.db, ctx.athleteId, input.conversationId);
      if (!found) throw new AppError('NOT_FOUND', 'No such conversation.');
    }
    return next();
  });

/** Decided before metering: a call whose transport cannot carry the stream costs nothing. */
const streamingTransport = middleware(({ ctx, next }) => {
  if (ctx.streamable === false) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'coaching.askStream answers as a stream: call it with httpBatchStreamLink ' +
        '(trpc-accept: application/jsonl), or ask with coaching.ask.',
    );
  }
  return next();
});

function planOf(
  athleteId: string,
  input: { question: string; conversationId?: string | undefined },
  enhanced: boolean,
): AskPlan {
  return { athleteId, question: input.question, conversationId: input.conversationId, enhanced };
}

const visionRequired = () =>
  new AppError(
    'AI_UNAVAILABLE',
    'Questions with an image need a vision-capable AI provider. This server answers with ' +
      'the built-in coach, which reads text only (set OPENAI_API_KEY with a vision model).',
  );

export const coachingRouter = router({
  /** Ask the coach; stores the question and the answer in the conversation. */
  ask: askProcedure
    .use(metered({ bucket: 'ask', quota: 'ask' }))
    .mutation(({ ctx, input, signal }) =>
      answerQuestion(ctx, planOf(ctx.athleteId, input, false), ctx.signal ?? signal),
    ),

  /** As `ask`, with the athlete's wearable and training-load figures and TrackLit context. */
  askEnhanced: askProcedure
    .use(metered({ bucket: 'ask', quota: 'ask' }))
    .mutation(({ ctx, input, signal }) =>
      answerQuestion(ctx, planOf(ctx.athleteId, input, true), ctx.signal ?? signal),
    ),

  /** As `ask`, streamed: text deltas, then the complete answer (httpBatchStreamLink). */
  askStream: askProcedure
    .use(streamingTransport)
    .use(meteredWithCharge({ bucket: 'ask', quota: 'ask' }))
    .mutation(async function* ({ ctx, input, signal }) {
      const plan = planOf(ctx.athleteId, input, false);
      yield* streamAnswer(ctx, plan, ctx.signal ?? signal, ctx.quotaCharge);
    }),

  /** A question with a JPEG, PNG or WebP image (≤ 10 MB); needs a vision-capable provider. */
  askMedia: authedProcedure
    .input(askMediaSchema)
    .use(actingFor('write'))
    .use(async ({ ctx, input, next }) => {
      if (!ctx.deps.ai.supportsImages) throw visionRequired();
      if (input.conversationId !== undefined) {
        const found = await findConversation(ctx.deps.db, ctx.athleteId, input.conversationId);
        if (!found) throw new AppError('NOT_FOUND', 'No such conversation.');
      }
      return next();
    })
    .use(metered({ bucket: 'ask', quota: 'ask_media' }))
    .mutation(({ ctx, input, signal }) => {
      const image = { mediaType: input.image.mediaType, base64: input.image.data };
      const plan = { ...planOf(ctx.athleteId, input, false), image };
      return answerQuestion(ctx, plan, ctx.signal ?? signal);
    }),

  /** A sprint video or image analysed in the background: answers the queued analysis. */
  analyzeMedia,

  /** An analysis' status, and its mechanics findings once completed. */
  getAnalysis,

  /** Past conversations, most recently active first, with their messages. */
  conversations: authedProcedure
    .input(conversationListSchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx, input }) => {
      const page = { limit: input?.limit ?? 20, offset: input?.offset ?? 0 };
      const rows = await listConversations(ctx.deps.db, ctx.athleteId, page);
      return rows.map(toConversationView);
    }),
});
