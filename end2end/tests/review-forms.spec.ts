import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

test("an admin builds a review form in two languages, reorders it and copies it", async ({ browser }) => {
  const name = `Eindgesprek ${Date.now().toString(36)}`;
  const admin = await signedInPage(browser, FEMKE.email, "/admin/reviews/forms");
  await admin.locator("#new-name-nl").fill(name);
  await admin.locator("#new-name-en").fill("End review");
  await admin.getByRole("button", { name: "Formulier aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
  await waitForHydration(admin);

  // An open question, then a required rating on a scale of 1 to 4.
  await admin.getByLabel("Soort vraag").last().selectOption({ label: "Open vraag" });
  await admin.locator("#new-text-nl").fill("Waar ben je trots op?");
  await admin.locator("#new-text-en").fill("What are you proud of?");
  await admin.getByRole("button", { name: "Vraag toevoegen" }).click();
  await expect(admin.locator("#questions")).toContainText("Waar ben je trots op?");
  await expect(admin.locator("#new-text-nl")).toHaveValue("");
  await admin.locator("#new-kind").selectOption({ label: "Beoordeling op een schaal" });
  await admin.locator("#new-text-nl").fill("Samenwerking");
  await admin.locator("#new-scale").fill("4");
  await admin.getByLabel("Verplicht").last().check();
  await admin.getByRole("button", { name: "Vraag toevoegen" }).click();
  const rating = admin.locator("#questions > li").filter({ hasText: "Samenwerking" });
  await expect(rating).toContainText("score 1 tot 4");
  await expect(rating).toContainText("Verplicht");

  // The rating moves to the top.
  await rating.getByRole("button", { name: "Omhoog" }).click();
  await expect(admin.locator("#questions > li").first()).toContainText("Samenwerking");

  // A copy keeps the questions, named as a copy.
  await admin.getByRole("button", { name: "Kopie maken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `${name} (kopie)` })).toBeVisible();
  await expect(admin.locator("#questions > li")).toHaveCount(2);
  await admin.goto("/admin/reviews/forms");
  await expect(admin.locator("#review-forms")).toContainText(`${name} (kopie)`);
});

test("an admin configures a yearly cycle with its scope, a goal-setting moment and an end evaluation", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [formName, cycleName] = [`Jaargesprek ${suffix}`, `Gesprekscyclus 2027 ${suffix}`];
  const admin = await signedInPage(browser, FEMKE.email, "/admin/reviews/forms");
  await admin.locator("#new-name-nl").fill(formName);
  await admin.getByRole("button", { name: "Formulier aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: formName })).toBeVisible();

  await admin.goto("/admin/reviews");
  await waitForHydration(admin);
  await admin.getByLabel("Naam", { exact: true }).fill(cycleName);
  await admin.getByLabel("Begint op").fill("2027-01-01");
  await admin.getByLabel("Eindigt op").fill("2026-12-31");
  await admin.getByRole("button", { name: "Cyclus aanmaken" }).click();
  // An end before the start is refused beside the field; the name stays.
  await expect(admin.getByText("Vul een bestaande datum in, zoals 2026-12-01.")).toBeVisible();
  await expect(admin.getByLabel("Naam", { exact: true })).toHaveValue(cycleName);
  await admin.getByLabel("Eindigt op").fill("2027-12-31");
  await admin.getByLabel("Elk jaar herhalen", { exact: false }).check();
  await admin.getByRole("button", { name: "Cyclus aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: cycleName })).toBeVisible();
  await waitForHydration(admin);

  // Wijkteam Noord, with the units below it, takes part.
  await admin.locator("summary", { hasText: "Eenheden" }).click();
  await admin.getByLabel("Wijkteam Noord", { exact: true }).check();
  await admin.getByRole("button", { name: "Opslaan wie meedoet" }).click();
  await expect(admin.locator("#scope-summary")).toHaveText("Wijkteam Noord");

  // Two moments, each with the form; the end evaluation with two reminders.
  for (const [kind, opens, closes, writers, reminders] of [
    ["Eindevaluatie", "2027-11-01", "2027-12-15", "Allebei", "2027-12-01, 2027-12-10"],
    ["Doelen stellen", "2027-01-15", "2027-02-28", "De leidinggevende", ""],
  ]) {
    await admin.locator("#new-kind").selectOption({ label: kind });
    await admin.locator("#new-opens-on").fill(opens);
    await admin.locator("#new-closes-on").fill(closes);
    await admin.locator("#new-writers").selectOption({ label: writers });
    await admin.locator("#new-form").selectOption({ label: formName });
    await admin.locator("#new-reminders").fill(reminders);
    await admin.getByRole("button", { name: "Moment toevoegen" }).click();
    await expect(admin.locator("#moments")).toContainText(kind);
  }
  await expect(admin.locator("#moments > li").first()).toContainText("Doelen stellen");
  await expect(admin.locator("#moments > li").last()).toContainText("Herinneringen: 2027-12-01, 2027-12-10");

  await admin.goto("/admin/reviews");
  const listed = admin.locator("#review-cycles li").filter({ hasText: cycleName });
  await expect(listed).toContainText("Momenten: 2");
  await expect(listed).toContainText("jaarlijks");
});
