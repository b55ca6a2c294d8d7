import { Center, Loader, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// GraphiQL with Monaco is several megabytes; load it only when the playground is opened.
const PlaygroundPage = lazy(() =>
  import('./PlaygroundPage').then((module) => ({ default: module.PlaygroundPage })),
);

/** The playground route: GraphiQL in a chunk of its own, loaded on first visit. */
export function LazyPlaygroundPage() {
  const { t } = useTranslation();

  return (
    <Suspense
      fallback={
        <Center mih={300}>
          <Stack align="center">
            <Loader />
            <Text c="dimmed">{t('playground.loading')}</Text>
          </Stack>
        </Center>
      }
    >
      <PlaygroundPage />
    </Suspense>
  );
}
