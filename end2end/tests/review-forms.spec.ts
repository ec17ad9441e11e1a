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
