import { expect, test, type Page } from '@playwright/test';
import { demoEmails } from './support/demoAccounts.ts';
import { signIn } from './support/session.ts';

function highestSeq(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .evaluateAll((rows) => Math.max(-1, ...rows.map((row) => Number(row.getAttribute('data-seq')))));
}

test("a manager's login appears live in the admin's open journal", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const managerContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, demoEmails.admin);
    await admin.getByTestId('nav-journal').click();
    await expect(admin.getByTestId('journal-row').first()).toBeVisible();
    // The journal's subscription has opened the WebSocket.
    await expect(admin.locator('[data-realtime-status="connected"]')).toHaveCount(1);
    const before = await highestSeq(admin, '[data-testid="journal-row"]');
    // Survives only if the page is never reloaded.
    await admin.evaluate(() => {
      (window as unknown as { loadoutE2eMarker?: boolean }).loadoutE2eMarker = true;
    });

    const manager = await managerContext.newPage();
    await signIn(manager, demoEmails.manager);

    const managerLogins = '[data-testid="journal-row"][data-action="auth.login"]';
    await expect
      .poll(async () => {
        const rows = admin.locator(managerLogins).filter({ hasText: demoEmails.manager });
        return Math.max(-1, ...(await rows.evaluateAll((found) =>
          found.map((row) => Number(row.getAttribute('data-seq'))),
        )));
      })
      .toBeGreaterThan(before);
    // On top of the list, without a reload.
    expect(await highestSeq(admin, '[data-testid="journal-row"]')).toBeGreaterThan(before);
    expect(
      await admin.evaluate(
        () => (window as unknown as { loadoutE2eMarker?: boolean }).loadoutE2eMarker,
      ),
    ).toBe(true);
  } finally {
    await adminContext.close();
    await managerContext.close();
  }
});
