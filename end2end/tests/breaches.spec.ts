import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, OPERATOR, signedInPage } from "../fixtures/accounts";
import { mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";

/** A moment as `<input type="datetime-local">` takes it, in the server's time zone. */
function amsterdamInput(at: Date): string {
  return at.toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam" }).replace(" ", "T").slice(0, 16);
}

test("the processor reports a breach and the admin reads the notice inside the 24 hours (DPA 7.A, 7.C)", async ({ browser }) => {
  const nature = `Een logbestand met e-mailadressen stond open (${Date.now()})`;
  const operator = await signedInPage(browser, OPERATOR.email, "/operator/breaches");
  await expect(operator.getByRole("heading", { level: 1, name: "Datalekkenregister" })).toBeVisible();
  await expect(operator.locator("main")).toContainText("nooit aan de Autoriteit Persoonsgegevens");

  const record = operator.locator("#record-breach");
  await record.getByLabel("Ontdekt op").fill(amsterdamInput(new Date(Date.now() + 2 * 3600_000)));
  await record.getByLabel("Aard van het datalek").fill(nature);
  await record.getByLabel("Waarschijnlijke gevolgen").fill("Derden kunnen e-mailadressen hebben gezien");
  await record.getByLabel("Genomen of voorgestelde maatregelen").fill("Bestand verwijderd en toegang gesloten");
  await record.getByLabel("Contactpunt voor meer informatie").fill("Olga de Boer, privacy@koers.localhost");
  await record.getByRole("button", { name: "Incident vastleggen" }).click();
  await expect(record).toContainText("Dit moment moet nog komen");
  await expect(record.getByLabel("Aard van het datalek")).toHaveValue(nature);

  await record.getByLabel("Ontdekt op").fill(amsterdamInput(new Date(Date.now() - 3600_000)));
  await record.getByRole("button", { name: "Incident vastleggen" }).click();
  await expect(operator).toHaveURL(/\/operator\/breaches\/[0-9a-f-]+$/);
  await expect(operator.getByRole("heading", { level: 1, name: nature })).toBeVisible();
  await expect(operator.locator("main")).toContainText("Geen organisatie getroffen");
  await waitForHydration(operator);

  const add = operator.locator("#add-affected");
  await add.getByLabel("Organisatie").selectOption({ label: "Zorggroep De Linde" });
  await add.getByLabel("Categorieën betrokkenen").fill("Medewerkers");
  await add.getByLabel("Aantal betrokkenen (bij benadering)").fill("60");
  await add.getByLabel("Categorieën gegevens").fill("Namen en e-mailadressen");
  await add.getByLabel("Aantal gegevensrecords (bij benadering)").fill("60");
  await add.getByRole("button", { name: "Organisatie toevoegen" }).click();
  const linde = operator.locator("#affected-organisations > li", { hasText: "Zorggroep De Linde" });
  await expect(linde).toContainText("Nog te melden");
  await linde.getByRole("button", { name: "Melding versturen" }).click();
  await expect(linde).toContainText("binnen 24 uur");
  await expect(linde.getByRole("button", { name: "Melding versturen" })).toHaveCount(0);

  const update = operator.locator("#breach-update");
  await update.getByLabel("Nieuwe ontwikkelingen en maatregelen").fill("Niemand heeft het bestand gedownload.");
  await update.getByRole("button", { name: "Vervolgbericht versturen" }).click();
  await expect(operator.locator("main")).toContainText("Niemand heeft het bestand gedownload.");

  const admin = await signedInPage(browser, FEMKE.email, "/privacy/breaches");
  const notice = admin.locator("#breach-notices > li", { hasText: nature });
  await expect(notice).toContainText("binnen 24 uur na de ontdekking");
  await expect(notice).toContainText("Medewerkers (ongeveer 60)");
  await expect(notice).toContainText("Bestand verwijderd en toegang gesloten");
  await expect(notice).toContainText("Niemand heeft het bestand gedownload.");
  await admin.goto("/notifications");
  await expect(admin.locator("main")).toContainText("De verwerker meldt een mogelijk datalek.");

  await expect
    .poll(() => mailsTo(PORT, FEMKE.email).filter((mail) => mail.includes(nature)).length, { timeout: 15_000 })
    .toBe(1);
  const mail = mailsTo(PORT, FEMKE.email).find((mail) => mail.includes(nature)) ?? "";
  expect(mail).toContain("Melding van een mogelijk datalek");
  expect(mail).toContain("Bestand verwijderd en toegang gesloten");
});
