/** A text as chunks of a few words (how checked text is streamed). */
export function textChunks(text: string, wordsPerChunk = 4): string[] {
  const words = text.split(/(?<=\s)/u);
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerChunk) {
    chunks.push(words.slice(index, index + wordsPerChunk).join(''));
  }
  return chunks;
}
