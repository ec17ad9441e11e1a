import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

// Dewi takes part in no other test: her account can be frozen here.
test("an admin corrects a person's data, restricts its processing and lifts it again (GDPR art. 16, 18)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/admin/people?q=Dewi");
  await admin.getByRole("link", { name: "Dewi Sutanto" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Dewi Sutanto" })).toBeVisible();
  await waitForHydration(admin);
  const rectify = admin.locator("#rectify");
  await rectify.getByLabel("Mobiel nummer").fill("06 1234 5678");
  await rectify.getByLabel("E-mailadres").fill("geen adres");
  await rectify.getByRole("button", { name: "Correctie opslaan" }).click();
  await expect(rectify).toContainText("e-mailadres");
  await expect(rectify.getByLabel("Mobiel nummer")).toHaveValue("06 1234 5678");
  await rectify.getByLabel("E-mailadres").fill("dewi.sutanto@delinde.example");
  await rectify.getByRole("button", { name: "Correctie opslaan" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "De correctie is opgeslagen." })).toBeVisible();
  await admin.reload();
  await expect(admin.locator("#rectify").getByLabel("Mobiel nummer")).toHaveValue("+31612345678");
  await waitForHydration(admin);

  const restriction = admin.locator("#restriction");
  await restriction.getByRole("button", { name: "Verwerking beperken" }).click();
  await expect(restriction).toContainText("De verwerking van de gegevens van deze persoon is beperkt.");
  await expect(admin.locator("main dl.facts").first()).toContainText("Verwerking beperkt");

  await admin.goto("/admin/people?q=Dewi");
  await expect(admin.getByRole("row", { name: /Dewi Sutanto/ })).toContainText("Verwerking beperkt");
  await expect(admin.getByRole("row", { name: /Dewi Sutanto/ }).getByRole("button", { name: /Heractiveren/ })).toHaveCount(0);

  await admin.getByRole("link", { name: "Dewi Sutanto" }).click();
  await admin.locator("#restriction").getByRole("button", { name: "Beperking opheffen" }).click();
  await expect(admin.locator("#restriction").getByRole("button", { name: "Verwerking beperken" })).toBeVisible();
  await expect(admin.locator("main dl.facts").first()).toContainText("Actief");

  await admin.goto("/privacy/audit-log");
  await expect(admin.locator("main")).toContainText("Verwerking van iemands gegevens beperkt");
  await expect(admin.locator("main")).toContainText("Beperking van de verwerking opgeheven");
  await expect(admin.locator("main")).toContainText("Gegevens van iemand gecorrigeerd");
});
