import { test, expect, waitForHydration } from "../fixtures/app";
import { SANNE } from "../fixtures/accounts";
import { linkInMail } from "../fixtures/mail";
import { PORT } from "../playwright.config";

test("a one-time code by e-mail signs in without a password, once", async ({ page }) => {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByRole("link", { name: "Inloggen met een code per e-mail of sms" }).click();
  await waitForHydration(page);
  await page.getByLabel("E-mailadres of gebruikersnaam").fill(SANNE.email);
  await page.getByRole("button", { name: "Stuur me een code" }).click();
  await expect(page.getByRole("status")).toContainText("is er een code onderweg");

  // The link in the mail fills the code in; signing in is still a button press.
  const link = await linkInMail(PORT, SANNE.email, /http:\/\/127\.0\.0\.1:\d+\/login\/code\?code=[0-9A-Z-]+/);
  await page.goto(link);
  await waitForHydration(page);
  await expect(page.getByLabel("Inlogcode")).toHaveValue(link.split("code=")[1]);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${SANNE.name}` })).toBeVisible();

  // The same code a second time: refused with a translated message.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.goto(link);
  await waitForHydration(page);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toHaveText("Die code klopt niet, is al gebruikt of is verlopen. Vraag een nieuwe aan.");
});
