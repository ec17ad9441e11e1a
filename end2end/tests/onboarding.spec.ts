import { test, expect, waitForHydration } from "../fixtures/app";
import { OPERATOR, signIn } from "../fixtures/accounts";
import { linkInMail } from "../fixtures/mail";
import { PORT } from "../playwright.config";

test("an operator adds an organisation and its first admin joins through the invitation mail", async ({ browser }) => {
  // Each run its own organisation and admin address, so runs never collide.
  const suffix = Date.now().toString(36);
  const organisation = `Stichting Het Baken ${suffix}`;
  const admin = { name: "Ilse Koster", email: `ilse.koster.${suffix}@hetbaken.example` };

  const operatorContext = await browser.newContext({ locale: "nl-NL" });
  const operator = await operatorContext.newPage();
  await operator.goto("/operator");
  await waitForHydration(operator);
  await signIn(operator, OPERATOR.email);
  await operator.getByRole("link", { name: "Organisatie toevoegen" }).click();
  await expect(operator.getByRole("heading", { level: 1, name: "Organisatie toevoegen" })).toBeVisible();
  await waitForHydration(operator);

  const form = operator.locator("form.wide-form");
  await form.getByLabel("Naam organisatie").fill(organisation);
  await form.getByLabel("KvK-nummer").fill("1234");
  await form.getByLabel("Gevestigd in (adres)").fill("Havenstraat 4, Zwolle");
  await form.getByLabel("Vertegenwoordigd door").fill("R. Visser");
  await form.getByLabel("Ingang van het contract").fill("2027-01-01");
  const contact = form.getByRole("group", { name: "Contactpersoon voor privacyzaken" });
  await contact.getByLabel("Naam").fill("P. de Jong");
  await contact.getByLabel("E-mailadres").fill("privacy@hetbaken.example");
  const signature = form.getByRole("group", { name: "Ondertekening van de verwerkersovereenkomst" });
  await signature.getByLabel("Naam").fill("R. Visser");
  await signature.getByLabel("Functie").fill("Directeur-bestuurder");
  await signature.getByLabel("Datum").fill("2026-11-20");
  await signature.getByLabel("Plaats").fill("Zwolle");
  const firstAdmin = form.getByRole("group", { name: "Eerste beheerder" });
  await firstAdmin.getByLabel("Naam").fill(admin.name);
  await firstAdmin.getByLabel("E-mailadres").fill(admin.email);
  await firstAdmin.getByLabel("Taal").selectOption("nl");

  // A wrong KvK number is named beside its field; everything typed stays.
  await operator.getByRole("button", { name: "Organisatie toevoegen en uitnodiging versturen" }).click();
  await expect(form.getByText("Een KvK-nummer heeft acht cijfers.")).toBeVisible();
  await expect(form.getByLabel("Naam organisatie")).toHaveValue(organisation);

  await form.getByLabel("KvK-nummer").fill("87654321");
  await operator.getByRole("button", { name: "Organisatie toevoegen en uitnodiging versturen" }).click();
  await expect(operator).toHaveURL(/\/operator$/);
  await expect(operator.getByRole("cell", { name: organisation })).toBeVisible();

  // The signature under the processing agreement can be shown later.
  await operator.getByRole("link", { name: organisation }).click();
  await expect(operator.getByRole("heading", { level: 1, name: organisation })).toBeVisible();
  const signed = operator.getByRole("region", { name: "Ondertekening van de verwerkersovereenkomst" });
  await expect(signed).toContainText("Directeur-bestuurder");
  await expect(signed).toContainText("2026-11-20");
  await expect(signed).toContainText("Olga de Boer");
  await operatorContext.close();

  // The invitation arrives over SMTP; the admin chooses a password and is in.
  const link = await linkInMail(PORT, admin.email, /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+/);
  const adminContext = await browser.newContext({ locale: "nl-NL" });
  const page = await adminContext.newPage();
  await page.goto(link);
  await expect(page.getByText(`Hallo ${admin.name}, ${organisation} heeft je uitgenodigd.`)).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Nieuw wachtwoord").fill("groene giraffe in de tram");
  await page.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${admin.name}` })).toBeVisible();
  await expect(page.getByText("Beheerder")).toBeVisible();
  await adminContext.close();
});
