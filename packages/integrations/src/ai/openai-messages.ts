import { buildChatMessages } from '@aria/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { AiRequest } from './types.js';

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
    const { mediaType, base64 } = request.image;
    return {
      role: 'user',
      content: [
        { type: 'text', text: message.content },
        { type: 'image_url', image_url: { url: `data:${mediaType};base64,${base64}` } },
      ],
    };
  });
}
