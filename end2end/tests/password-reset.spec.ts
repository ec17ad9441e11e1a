import { test, expect, waitForHydration } from "../fixtures/app";
import { DEMO_PASSWORD } from "../fixtures/accounts";
import { linkInMail, mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";

// Thomas's password changes here; no other test signs in as him.
const THOMAS = { email: "thomas.bakker@delinde.example", name: "Thomas Bakker" };
const NEW_PASSWORD = "groene giraffe in de tram";

test("a forgotten password is replaced through a link that arrives by e-mail", async ({ page }) => {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(THOMAS.email);
  await page.getByRole("button", { name: "Link versturen" }).click();
  await expect(page.getByRole("status")).toContainText("Als er een account met deze inlognaam is");

  // The mail went over SMTP, in Thomas's own language (English).
  const link = await linkInMail(PORT, THOMAS.email, /http:\/\/127\.0\.0\.1:\d+\/reset\/[A-Za-z0-9_-]+/);
  expect(mailsTo(PORT, THOMAS.email).at(-1)).toContain("Subject: Choose a new password for Koers");

  await page.goto(link);
  await waitForHydration(page);
  await page.getByLabel("Nieuw wachtwoord").fill("password123");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("te makkelijk te raden");

  await page.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.");

  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(THOMAS.email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Wachtwoord").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${THOMAS.name}` })).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("alert")).toHaveText("Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.");
});
