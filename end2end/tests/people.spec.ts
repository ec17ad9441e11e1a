import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn } from "../fixtures/accounts";
import { linkInMail } from "../fixtures/mail";
import { PORT } from "../playwright.config";

test("an admin invites someone, who joins; once deactivated, their open session is refused", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const newcomer = { name: `Noor Visser ${suffix}`, email: `noor.${suffix}@delinde.example` };

  const adminContext = await browser.newContext({ locale: "nl-NL" });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/people");
  await waitForHydration(admin);
  await signIn(admin, FEMKE.email);
  await expect(admin.getByRole("heading", { level: 1, name: "Mensen" })).toBeVisible();
  await admin.getByRole("link", { name: "Iemand uitnodigen" }).click();
  await waitForHydration(admin);
  await admin.getByLabel("Naam", { exact: true }).fill(newcomer.name);
  await admin.getByLabel("E-mailadres").fill(newcomer.email);
  await admin.getByLabel("Leidinggevende").check();
  await admin.getByRole("button", { name: "Uitnodiging versturen" }).click();
  const row = admin.getByRole("row", { name: new RegExp(newcomer.name) });
  await expect(row).toContainText("Uitgenodigd");

  // The list searches by part of a name.
  await admin.getByLabel("Zoek op naam, e-mail of gebruikersnaam").fill(suffix);
  await admin.getByRole("button", { name: "Tonen" }).click();
  await expect(admin).toHaveURL(new RegExp(`q=${suffix}`));
  await expect(admin.getByText("Aantal mensen: 1")).toBeVisible();
  await expect(admin.getByRole("row", { name: new RegExp(newcomer.name) })).toBeVisible();
  await expect(row.getByLabel("Leidinggevende")).toBeChecked();
  await expect(row.getByLabel("Auditor")).not.toBeChecked();

  // Roles change in place.
  await waitForHydration(admin);
  await row.getByLabel("Auditor").check();
  const saved = admin.waitForResponse((r) => r.url().endsWith("/api/people/set_roles") && r.ok());
  await row.getByRole("button", { name: `Rollen opslaan van ${newcomer.name}` }).click();
  await saved;
  await admin.reload();
  await expect(admin.getByRole("row", { name: new RegExp(newcomer.name) }).getByLabel("Auditor")).toBeChecked();

  // The same address twice in one organisation is refused beside the field.
  await admin.goto("/admin/people/new");
  await waitForHydration(admin);
  await admin.getByLabel("Naam", { exact: true }).fill(newcomer.name);
  await admin.getByLabel("E-mailadres").fill(newcomer.email);
  await admin.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(admin.getByText("Iemand in je organisatie gebruikt dit e-mailadres al.")).toBeVisible();

  const link = await linkInMail(PORT, newcomer.email, /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+/);
  const newcomerContext = await browser.newContext({ locale: "nl-NL" });
  const page = await newcomerContext.newPage();
  await page.goto(link);
  await waitForHydration(page);
  await page.getByLabel("Nieuw wachtwoord").fill("blauwe walvis op het dak");
  await page.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${newcomer.name}` })).toBeVisible();

  await admin.goto(`/admin/people?q=${suffix}`);
  await waitForHydration(admin);
  await expect(admin.getByRole("row", { name: new RegExp(newcomer.name) })).toContainText("Actief");
  await admin.getByRole("button", { name: `Deactiveren ${newcomer.name}` }).click();
  await expect(admin.getByRole("row", { name: new RegExp(newcomer.name) })).toContainText("Gedeactiveerd");

  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=\/$/);

  await admin.getByRole("button", { name: `Heractiveren ${newcomer.name}` }).click();
  await expect(admin.getByRole("row", { name: new RegExp(newcomer.name) })).toContainText("Actief");

  // Leaving for good: access ends with a choice for their data (DPA 8.D).
  await admin.getByRole("link", { name: newcomer.name }).click();
  await expect(admin.getByRole("heading", { level: 1, name: newcomer.name })).toBeVisible();
  await waitForHydration(admin);
  await admin.getByLabel("Persoonsgegevens verwijderen").check();
  await admin.getByRole("button", { name: "Toegang beëindigen" }).click();
  await expect(admin.getByRole("status")).toHaveText("Toegang beëindigd. De persoonsgegevens staan klaar om te worden verwijderd.");
  await adminContext.close();
  await newcomerContext.close();
});
