import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import examples from '../../api/examples.graphql?raw';
import { splitExamples, withDefinedOperation } from './example-operations.ts';

/**
 * The GraphQL IDE served at `GET /graphql`: GraphiQL, bundled with the page build (no CDN, so it
 * works offline), querying this server, with every example of `src/api/examples.graphql` in a
 * tab of its own.
 */
const root = document.getElementById('ide');
if (!root) throw new Error('the IDE page has no #ide');
const fetchFromServer = createGraphiQLFetcher({ url: new URL('/graphql', location.href).href });
const fetcher: typeof fetchFromServer = (params, options) => fetchFromServer(withDefinedOperation(params), options);
createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: splitExamples(examples).map((example) => ({ query: example.query })),
    shouldPersistHeaders: false,
  }),
);
