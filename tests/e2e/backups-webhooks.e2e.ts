import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect as baseExpect, test } from '@playwright/test';
import { gql } from './support/api.ts';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

// Settings → Backups and Settings → Webhooks (issue 7).
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

test('an administrator makes a backup from the app and downloads it', async ({ page }, testInfo) => {
  await signIn(page, demoEmails.admin);
  await page.getByTestId('nav-backups').click();
  await expect(page.getByTestId('backups-page')).toBeVisible();
  await page.getByTestId('backups-run').click();
  await expect(page.getByTestId('backups-made')).toBeVisible();
  const name = (await page.getByTestId('backups-made').textContent())!.match(/loadout-\S+\.backup\.gz/)![0];
  const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
  await expect(row).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('1-backups.png') });

  const href = await row.getByTestId('backup-download').getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('application/gzip');
  // gzip magic bytes
  expect([...(await download.body()).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
});

test('a manager has no backups or webhooks in the navigation and is refused the pages', async ({ page }) => {
  await signIn(page, demoEmails.manager);
  await expect(page.getByTestId('nav-backups')).toHaveCount(0);
  await expect(page.getByTestId('nav-webhooks')).toHaveCount(0);
  await page.goto('/settings/webhooks');
  await expect(page.getByTestId('webhooks-page')).toHaveCount(0);
});

test('an administrator registers a webhook, sees the refusal of a non-http address, and its deliveries', async ({ page }, testInfo) => {
  const received: string[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await signIn(page, demoEmails.admin);
    await page.getByTestId('nav-webhooks').click();
    await expect(page.getByTestId('webhooks-page')).toBeVisible();

    await page.getByTestId('webhooks-new').click();
    await page.getByTestId('webhook-url').fill('ftp://example.com/hook');
    await page.getByTestId('webhook-object-types').fill('Venue');
    await page.getByTestId('webhook-save').click();
    await expect(page.getByTestId('webhook-form')).toContainText('http');
    await page.getByTestId('webhook-url').fill(url);
    await page.getByTestId('webhook-description').fill('Venue feed');
    await page.getByTestId('webhook-save').click();
    await expect(page.getByTestId('webhook-form')).toHaveCount(0);
    const row = page.locator(`[data-testid="webhook-row"][data-url="${url}"]`);
    await expect(row).toContainText('Venue');

    const venue = `Webhook hall ${Date.now().toString(36)}`;
    await gql(page.request, 'mutation ($input: VenueInput!) { createVenue(input: $input) { id } }', { input: { name: venue } });
    await expect.poll(() => received.some((body) => body.includes(venue))).toBe(true);
    await expect(page.getByTestId('webhook-delivery-row').first()).toHaveAttribute('data-succeeded', 'true');
    await expect(row.getByTestId('webhook-state')).toContainText(/Delivering/);
    await page.screenshot({ path: testInfo.outputPath('2-webhooks.png') });

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('webhook-delete').click();
    await expect(row).toHaveCount(0);
  } finally {
    receiver.closeAllConnections();
    receiver.close();
  }
});
