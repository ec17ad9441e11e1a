import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn, signedInPage } from "../fixtures/accounts";
import { mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";
import type { Page } from "@playwright/test";

const KEVIN = "kevin.meijer@delinde.example"; // in Wijkteam Noord, with Sanne and Ahmed


/** Femke defines a template with one key result and gives it to Wijkteam Noord. */
async function giveToNoord(admin: Page, title: string) {
  await admin.goto("/admin/goals/templates/new");
  await waitForHydration(admin);
  await admin.getByLabel("Titel").fill(title);
  await admin.getByLabel("Omschrijving").fill("Iedereen kan bij brand of een ongeval meteen handelen.");
  await admin.locator("#kr-0-title").fill("Herhalingstraining gevolgd");
  await admin.locator("#kr-0-start").fill("0");
  await admin.locator("#kr-0-target").fill("1");
  await admin.getByRole("button", { name: "Sjabloon opslaan" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForHydration(admin);
  await admin.getByLabel("Aan", { exact: true }).selectOption({ label: "Wijkteam Noord" });
  await admin.getByRole("button", { name: "Geef dit doel" }).click();
}

const assignedMails = () => mailsTo(PORT, KEVIN).filter((raw) => /Subject: Je hebt een nieuw doel voor \d{4}/.test(raw));

test("a template given to a team reaches each person once, in the app and by mail as they choose", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [first, second] = [`BHV-herhaling ${suffix}`, `Brandoefening ${suffix}`];

  const admin = await signedInPage(browser, FEMKE.email, "/admin/goals/templates");
  await giveToNoord(admin, first);
  const given = admin.getByRole("status").filter({ hasText: "kregen een kopie" });
  await expect(given).toHaveText(/^[1-9]\d* mensen kregen een kopie; 0 hadden er al een\.$/);
  const people = (await given.textContent())!.split(" ")[0];
  // Given again: nobody gets a second copy.
  await admin.getByRole("button", { name: "Geef aan nieuwkomers" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `0 mensen kregen een kopie; ${people} hadden er al een.` })).toBeVisible();
  await expect(admin.locator("#template-copies")).toHaveText(people);

  // Kevin sees the notification in the header and on the page, and opens his copy.
  const kevin = await signedInPage(browser, KEVIN, "/");
  await expect(kevin.getByRole("link", { name: /Meldingen/ }).locator(".badge")).toBeVisible();
  await kevin.getByRole("link", { name: /Meldingen/ }).click();
  await expect(kevin.getByRole("heading", { level: 1, name: "Meldingen" })).toBeVisible();
  await waitForHydration(kevin);
  await kevin.getByRole("button", { name: `Je hebt een nieuw doel voor ${new Date().getFullYear()}: ‘${first}’.` }).click();
  await expect(kevin.getByRole("heading", { level: 1, name: first })).toBeVisible();
  await expect(kevin.getByRole("strong").filter({ hasText: "Herhalingstraining gevolgd" })).toBeVisible();
  await expect.poll(() => assignedMails().length, { timeout: 15_000 }).toBeGreaterThan(0);

  // He keeps it in the app, turns its e-mail off, and asks for the weekly digest.
  await kevin.goto("/account/notifications");
  await waitForHydration(kevin);
  await kevin.getByLabel("Ik krijg een doel uit een sjabloon: Per e-mail").uncheck();
  await kevin.getByLabel(/Stuur me elke week een overzicht/).check();
  await kevin.getByRole("button", { name: "Keuzes opslaan" }).click();
  await expect(kevin.getByRole("status")).toHaveText("Je keuzes zijn opgeslagen.");
  await kevin.reload();
  await expect(kevin.getByLabel("Ik krijg een doel uit een sjabloon: Per e-mail")).not.toBeChecked();
  await expect(kevin.getByLabel("Ik krijg een doel uit een sjabloon: In de app")).toBeChecked();
  await expect(kevin.getByLabel(/Stuur me elke week een overzicht/)).toBeChecked();

  // The next template reaches him in the app only.
  const mailsBefore = assignedMails().length;
  await giveToNoord(admin, second);
  await expect(admin.getByRole("status").filter({ hasText: "kregen een kopie" })).toBeVisible();
  await kevin.goto("/notifications");
  await expect(kevin.getByRole("button", { name: new RegExp(`‘${second}’`) })).toBeVisible();
  await kevin.waitForTimeout(2_000); // the mail worker delivers within a second when there is mail
  expect(assignedMails().length).toBe(mailsBefore);

  await waitForHydration(kevin);
  await kevin.getByRole("button", { name: "Alles als gelezen markeren" }).click();
  await expect(kevin.getByRole("button", { name: "Alles als gelezen markeren" })).toHaveCount(0);
  await expect(kevin.getByRole("link", { name: /Meldingen/ }).locator(".badge")).toHaveCount(0);

  // Back as it was, for the other tests.
  await kevin.goto("/account/notifications");
  await waitForHydration(kevin);
  await kevin.getByLabel("Ik krijg een doel uit een sjabloon: Per e-mail").check();
  await kevin.getByLabel(/Stuur me elke week een overzicht/).uncheck();
  await kevin.getByRole("button", { name: "Keuzes opslaan" }).click();
  await expect(kevin.getByRole("status")).toHaveText("Je keuzes zijn opgeslagen.");
});

test("templates are for admins: a team member is refused the pages", async ({ page }) => {
  await page.goto("/admin/goals/templates");
  await waitForHydration(page);
  await signIn(page, KEVIN);
  await expect(page.getByRole("heading", { level: 1, name: "Doelsjablonen" })).toBeVisible();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("link", { name: /BHV-herhaling/ })).toHaveCount(0);
});

test("the template and notification screens fit a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/goals/templates");
  await waitForHydration(page);
  await signIn(page, FEMKE.email);
  await expect(page.getByRole("heading", { level: 1, name: "Doelsjablonen" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: "Jaarlijkse BHV-herhaling" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jaarlijkse BHV-herhaling" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  for (const path of ["/admin/goals/templates/new", "/notifications", "/account/notifications"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});
