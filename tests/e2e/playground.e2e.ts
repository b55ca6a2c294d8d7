import { expect, test } from '@playwright/test';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

test('the playground works without the internet and uses the session', async ({ context, page }) => {
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === 'localhost' || hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });

  await signIn(page, demoEmails.admin);
  // A deep link: served by the SPA fallback, then GraphiQL's lazy chunk and Monaco's workers.
  await page.goto('/playground');
  const playground = page.getByTestId('playground');
  await expect(playground).toBeVisible();
  // The first example tab is the `me` query; Monaco renders it once its workers run.
  await expect(playground.locator('.graphiql-query-editor')).toContainText('query Me', {
    timeout: 30_000,
  });

  await playground.locator('.graphiql-execute-button').click();
  await expect(playground.locator('.result-window')).toContainText(demoEmails.admin, {
    timeout: 20_000,
  });
  expect(outside).toEqual([]);
});
