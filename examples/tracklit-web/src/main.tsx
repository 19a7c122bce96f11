import { AriaProvider } from '@aria/client/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ariaClient, queryClient } from './aria.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AriaProvider trpcClient={ariaClient} queryClient={queryClient}>
        <App />
      </AriaProvider>
    </QueryClientProvider>
  </StrictMode>,
);
