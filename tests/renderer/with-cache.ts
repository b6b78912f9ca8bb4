// Views read the project through the renderer's cache: each test mounts them in a fresh one, as
// App.tsx does once per window.
import { QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { createQueryClient } from '../../renderer/data/query-client.ts';

export function withCache(element: ReactElement): ReactElement {
  return createElement(QueryClientProvider, { client: createQueryClient() }, element);
}
