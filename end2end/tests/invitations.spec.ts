import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn } from "../fixtures/accounts";
import { mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";

test("an admin hands out an invitation code, with which someone without e-mail joins", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const person = { name: `Kees Bos ${suffix}`, username: `kees.${suffix}` };
  const adminContext = await browser.newContext({ locale: "nl-NL" });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/people/new");
  await waitForHydration(admin);
  await signIn(admin, FEMKE.email);
  await waitForHydration(admin);
  await admin.getByLabel("Naam", { exact: true }).fill(person.name);
  await admin.getByLabel("Met een code die je zelf overhandigt").check();
  await admin.getByLabel("Gebruikersnaam").fill(person.username);
  await admin.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(admin.getByRole("heading", { name: "Geef deze code" })).toBeVisible();
  await expect(admin.getByText(`de gebruikersnaam ${person.username}`)).toBeVisible();
  const code = (await admin.locator("#invitation-code").textContent()) ?? "";
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await adminContext.close();

  // Typed in at /invite, in lower case and without dashes: it still works.
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto("/invite");
  await page.getByRole("textbox", { name: "Uitnodigingscode" }).fill(code.toLowerCase().replaceAll("-", " "));
  await page.getByRole("button", { name: "Verder" }).click();
  await expect(page.getByText(`Je logt straks in met: ${person.username}`)).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Nieuw wachtwoord").fill("oranje egel in de schuur");
  await page.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${person.name}` })).toBeVisible();

  // From now on the username and password sign in.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await waitForHydration(page);
  await signIn(page, person.username, "oranje egel in de schuur");
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${person.name}` })).toBeVisible();
  await context.close();
});

test("an invitation can wait for a chosen moment", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const person = { name: `Lotte Vos ${suffix}`, email: `lotte.${suffix}@delinde.example` };
  const nextYear = new Date().getFullYear() + 1;
  await page.goto("/admin/people/new");
  await waitForHydration(page);
  await signIn(page, FEMKE.email);
  await waitForHydration(page);
  await page.getByLabel("Naam", { exact: true }).fill(person.name);
  await page.getByLabel("E-mailadres").fill(person.email);

  // A moment in the past is refused beside its field; nothing typed is lost.
  await page.getByLabel("Versturen op (optioneel)").fill("2020-01-06T09:00");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("Kies een moment in de toekomst.")).toBeVisible();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(person.name);

  await page.getByLabel("Versturen op (optioneel)").fill(`${nextYear}-01-04T09:00`);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("row", { name: new RegExp(person.name) })).toContainText(
    `Uitnodiging gaat uit op ${nextYear}-01-04 09:00`,
  );
  expect(mailsTo(PORT, person.email)).toEqual([]);
});
