import { expect, test } from '@playwright/test';
import { createEvent, futureDay } from './support/api.ts';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

test('the event page links to its call sheet PDF', async ({ page }) => {
  await signIn(page, demoEmails.manager);
  const id = await createEvent(page.request, { title: `Call sheet ${Date.now().toString(36)}`, startDate: futureDay(40) });
  await page.goto(`/events/${id}`);
  const link = page.getByTestId('event-call-sheet');
  await expect(link).toBeVisible({ timeout: 20_000 });
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`/api/events/${id}/call-sheet\\.pdf\\?lang=(en|ru)$`));
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the event page links to its packing list PDF for viewers who see gear', async ({ page }) => {
  await signIn(page, demoEmails.manager);
  const id = await createEvent(page.request, { title: `Packing list ${Date.now().toString(36)}`, startDate: futureDay(41) });
  await page.goto(`/events/${id}`);
  const link = page.getByTestId('event-packing-list');
  await expect(link).toBeVisible({ timeout: 20_000 });
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`/api/events/${id}/packing-list\\.pdf\\?lang=(en|ru)$`));
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
