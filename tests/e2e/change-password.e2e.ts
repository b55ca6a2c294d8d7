import { expect, test, type Page } from '@playwright/test';
import { demoEmails, demoPassword } from './support/demoAccounts.ts';
import { signIn, submitLogin } from './support/session.ts';

const email = demoEmails.engineer2;
const newPassword = 'stage-left-2025';

async function changePassword(page: Page, current: string, next: string, endOthers = false) {
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-new').fill(next);
  await page.getByTestId('password-repeat').fill(next);
  if (endOthers) await page.getByTestId('password-end-other-sessions').check();
  await page.getByTestId('password-submit').click();
}

test('change the password in the cabinet, then sign in with the new one', async ({ browser }) => {
  const mainContext = await browser.newContext();
  const otherContext = await browser.newContext();
  try {
    const page = await mainContext.newPage();
    const elsewhere = await otherContext.newPage();
    await signIn(elsewhere, email);
    await signIn(page, email);
    await page.getByTestId('nav-cabinet').click();
    await expect(page.getByTestId('cabinet-email')).toHaveText(email);

    // Checked in the browser before anything is sent.
    await changePassword(page, demoPassword, 'short');
    await expect(page.getByTestId('password-new')).toHaveAttribute('aria-invalid', 'true');

    // A wrong current password comes back from the server under its field.
    await changePassword(page, 'not-my-password', newPassword);
    await expect(page.getByTestId('password-current')).toHaveAttribute('aria-invalid', 'true');

    await changePassword(page, demoPassword, newPassword, true);
    // The form empties itself only after the server accepted the change.
    await expect(page.getByTestId('password-new')).toHaveValue('');
    await expect(page.getByTestId('password-current')).not.toHaveAttribute('aria-invalid', 'true');

    // "End my other sessions" signed the other browser out.
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/login/);

    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login$/);
    await submitLogin(page, email, demoPassword);
    await expect(page.getByTestId('login-error')).toBeVisible();
    await submitLogin(page, email, newPassword);
    await expect(page.getByTestId('nav-cabinet')).toBeVisible();

    // Put the demo password back for anyone using this database afterwards.
    await page.getByTestId('nav-cabinet').click();
    await changePassword(page, newPassword, demoPassword);
    await expect(page.getByTestId('password-new')).toHaveValue('');
  } finally {
    await mainContext.close();
    await otherContext.close();
  }
});
