import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { i18n } from '../i18n/i18n';
import { apolloClient } from './apolloClient';
import { AppBootstrap } from './AppBootstrap';
import { theme } from './theme';

/** Providers, outermost first: i18n, UI kit, GraphQL, router. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" />
        <ApolloProvider client={apolloClient}>
          <BrowserRouter>
            <AppBootstrap />
          </BrowserRouter>
        </ApolloProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
