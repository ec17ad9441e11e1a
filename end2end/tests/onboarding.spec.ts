import { test, expect, waitForHydration } from "../fixtures/app";
import { OPERATOR, SANNE, signIn } from "../fixtures/accounts";
import { totp } from "../fixtures/totp";
import { linkInMail } from "../fixtures/mail";
import { matchInText } from "../fixtures/sms";
import { fillOrganisationForm } from "../fixtures/organisations";
import { PORT } from "../playwright.config";

// The flow of issue 3 from start to end: operator → organisation → its
// admin (password and authenticator app) → people invited by e-mail and by
// text message → both sign in → one is deactivated and shut out at once.
test("an operator adds an organisation and its first admin joins through the invitation mail", async ({ browser }) => {
  test.slow();
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
  await fillOrganisationForm(form, {
    name: organisation,
    kvkNumber: "1234",
    privacyContact: "privacy@hetbaken.example",
    admin,
  });

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

  // Admins must have a second factor: set it up before anything else.
  await expect(page).toHaveURL(/\/account\/second-factor\/setup\?next=\/$/);
  await expect(page.getByRole("status")).toContainText("Je account heeft een tweede factor nodig");
  await expect(page.getByRole("img", { name: "QR-code voor je authenticator-app" })).toBeVisible();
  const secret = (await page.locator("#totp-secret").textContent()) ?? "";
  await waitForHydration(page);
  await page.getByLabel("Code", { exact: true }).fill(totp(secret));
  await page.getByRole("button", { name: "Bevestigen" }).click();
  const codes = page.locator("#recovery-codes li");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await page.getByRole("link", { name: "Ik heb ze bewaard — verder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${admin.name}` })).toBeVisible();
  await expect(page.getByText("Beheerder")).toBeVisible();

  // A goal of another organisation stays out of reach, also by its address (issue 5).
  const colleagueContext = await browser.newContext({ locale: "nl-NL" });
  const colleague = await colleagueContext.newPage();
  await colleague.goto("/goals");
  await waitForHydration(colleague);
  await signIn(colleague, SANNE.email);
  const goalAddress = await colleague.getByRole("link", { name: "Intakes snel inplannen" }).getAttribute("href");
  await colleagueContext.close();
  await page.goto(goalAddress ?? "/goals/none");
  await expect(page.getByText("Dit item bestaat niet of je hebt er geen toegang toe.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Intakes snel inplannen" })).toHaveCount(0);

  // Next time the password alone is not enough; a recovery code works once.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.goto("/login");
  await waitForHydration(page);
  await signIn(page, admin.email, "groene giraffe in de tram");
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel("Code of herstelcode").fill(recoveryCode);
  await page.getByRole("button", { name: "Controleren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${admin.name}` })).toBeVisible();
  await page.goto("/account/second-factor");
  await expect(page.locator("#recovery-left")).toHaveText("Ongebruikte herstelcodes: 9 van 10.");
  await expect(page.getByText("Beheerders en medewerkers van de verwerker hebben altijd een tweede factor nodig")).toBeVisible();

  // The admin invites one person by e-mail and one by text message.
  const byMail = { name: `Mila de Wit ${suffix}`, email: `mila.${suffix}@hetbaken.example` };
  const digits = String(Date.now()).slice(-8);
  const byPhone = { name: `Daan Smit ${suffix}`, typed: `06 ${digits}`, number: `+316${digits}`, username: `daan.${suffix}` };
  await page.goto("/admin/people/new");
  await waitForHydration(page);
  await page.getByLabel("Naam", { exact: true }).fill(byMail.name);
  await page.getByLabel("E-mailadres").fill(byMail.email);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("row", { name: new RegExp(byMail.name) })).toContainText("Uitgenodigd");
  await page.goto("/admin/people/new");
  await waitForHydration(page);
  await page.getByLabel("Naam", { exact: true }).fill(byPhone.name);
  await page.getByLabel("Per sms").check();
  await expect(page.getByLabel("E-mailadres")).toBeHidden();
  await page.getByLabel("Mobiel nummer").fill(byPhone.typed);
  await page.getByLabel("Gebruikersnaam").fill(byPhone.username);
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("row", { name: new RegExp(byPhone.name) })).toContainText(byPhone.username);

  // Both join: one through the mail, one through the text message.
  const mailLink = await linkInMail(PORT, byMail.email, /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+/);
  const smsLink = await matchInText(PORT, byPhone.number, /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+/);
  const joined = [];
  for (const [link, who, password] of [
    [mailLink, byMail.name, "rode kater op de fiets"],
    [smsLink, byPhone.name, "gele kanarie in de bus"],
  ]) {
    const context = await browser.newContext({ locale: "nl-NL" });
    const newcomer = await context.newPage();
    await newcomer.goto(link);
    await waitForHydration(newcomer);
    await newcomer.getByLabel("Nieuw wachtwoord").fill(password);
    await newcomer.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
    await expect(newcomer.getByRole("heading", { level: 1, name: `Welkom, ${who}` })).toBeVisible();
    joined.push({ context, newcomer });
  }

  // Deactivated, the one invited by text message is shut out at the next request.
  await page.goto("/admin/people");
  await waitForHydration(page);
  await page.getByRole("button", { name: `Deactiveren ${byPhone.name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(byPhone.name) })).toContainText("Gedeactiveerd");
  await joined[1].newcomer.reload();
  await expect(joined[1].newcomer).toHaveURL(/\/login\?next=\/$/);
  await joined[0].newcomer.reload();
  await expect(joined[0].newcomer.getByRole("heading", { level: 1, name: `Welkom, ${byMail.name}` })).toBeVisible();
  for (const { context } of joined) await context.close();
  await adminContext.close();
});
