import type { Environment } from 'monaco-editor';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

/**
 * Tells Monaco (inside GraphiQL 5) how to start its web workers under Vite: `?worker` imports
 * are bundled into this app, so the playground loads nothing from a CDN and works offline.
 * Same recipe as `graphiql/setup-workers/vite`, minus its console logging.
 */
export function setupMonacoWorkers(): void {
  (globalThis as { MonacoEnvironment?: Environment }).MonacoEnvironment = {
    getWorker(_workerId, label) {
      switch (label) {
        case 'json':
          return new JsonWorker();
        case 'graphql':
          return new GraphQLWorker();
        default:
          return new EditorWorker();
      }
    },
  };
}
