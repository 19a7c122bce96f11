import { useState } from 'react';
import { useAskStream, useConversations } from '../hooks.js';
import { Failure } from './Failure.js';

/** Ask the coach: the answer streams in, then the complete answer with its bibliography. */
export function Coach() {
  const [question, setQuestion] = useState('');
  const ask = useAskStream();
  const conversations = useConversations();
  const shown = ask.answer ?? ask.draft;
  return (
    <section>
      <h2>Coach</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (question.trim()) ask.mutate({ question });
        }}
      >
        <textarea
          name="question"
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          placeholder="How do I improve my block start?"
        />
        <button type="submit" disabled={ask.isPending}>
          Ask
        </button>
      </form>
      <Failure error={ask.error} />
      {(ask.isPending || ask.answer) && (
        <article data-testid="answer" data-state={ask.isPending ? 'streaming' : 'done'}>
          <p data-testid="analysis">{shown.analysis}</p>
          <p data-testid="recommendation">{shown.recommendation}</p>
          <small data-testid="stream-parts">
            {ask.data?.streamed === false ? 'answered at once' : `${ask.received} parts streamed`}
          </small>
        </article>
      )}
      {ask.answer && ask.answer.bibliography.length > 0 && (
        <ol data-testid="bibliography">
          {ask.answer.bibliography.map((source) => (
            <li key={`${source.title}|${source.url ?? ''}`}>
              {source.url ? <a href={source.url}>{source.title}</a> : source.title}
            </li>
          ))}
        </ol>
      )}
      <p data-testid="conversations">
        {conversations.data ? `${conversations.data.length} conversations` : ''}
      </p>
    </section>
  );
}
