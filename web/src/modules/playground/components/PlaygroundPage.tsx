import 'graphiql/style.css';
import { Box } from '@mantine/core';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createPlaygroundFetcher } from '../utils/createPlaygroundFetcher';
import { playgroundExamples } from '../utils/playgroundExamples';
import { setupMonacoWorkers } from '../utils/setupMonacoWorkers';

setupMonacoWorkers();

/** GraphiQL 5, bundled: the heavy chunk behind `LazyPlaygroundPage`. */
export function PlaygroundPage() {
  const { t } = useTranslation();
  const fetcher = useMemo(() => createPlaygroundFetcher(window.location), []);

  return (
    <Box
      component="section"
      data-testid="playground"
      aria-label={t('playground.title')}
      // The editor fills the page below the header; the page itself must not scroll.
      h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
    >
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={playgroundExamples}
        defaultQuery={playgroundExamples[0]?.query ?? ''}
        defaultEditorToolsVisibility={false}
        forcedTheme="light"
      />
    </Box>
  );
}
