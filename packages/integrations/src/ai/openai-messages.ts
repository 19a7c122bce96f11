import { buildChatMessages, buildMechanicsPrompt } from '@aria/core';
import type {
  ChatCompletionContentPartImage,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { AiImage, AiRequest, MechanicsRequest } from './types.js';

/**
 * The Chat Completions messages of a request: core's messages, with the image (if any) as
 * an `image_url` part of the last user message.
 */
export function toOpenAiMessages(request: AiRequest): ChatCompletionMessageParam[] {
  const messages = buildChatMessages(request.input, request.brief);
  const last = messages.length - 1;
  return messages.map((message, index): ChatCompletionMessageParam => {
    if (message.role === 'system') return { role: 'system', content: message.content };
    if (message.role === 'assistant') return { role: 'assistant', content: message.content };
    if (index !== last || !request.image) return { role: 'user', content: message.content };
    return {
      role: 'user',
      content: [{ type: 'text', text: message.content }, imagePart(request.image)],
    };
  });
}

function imagePart(image: AiImage, detail?: 'low'): ChatCompletionContentPartImage {
  const url = `data:${image.mediaType};base64,${image.base64}`;
  return { type: 'image_url', image_url: detail ? { url, detail } : { url } };
}

/**
 * A mechanics analysis as Chat Completions messages: core's system prompt, then one user
 * message with the instruction and every frame as an `image_url` part (low detail: the
 * frames are already scaled down, and posture reads well at that size).
 */
export function toMechanicsMessages(request: MechanicsRequest): ChatCompletionMessageParam[] {
  const prompt = buildMechanicsPrompt(request.context);
  return [
    { role: 'system', content: prompt.system },
    {
      role: 'user',
      content: [
        { type: 'text', text: prompt.instruction },
        ...request.frames.map((frame) => imagePart(frame, 'low')),
      ],
    },
  ];
}
