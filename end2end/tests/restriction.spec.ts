import { test, expect } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

// Dewi takes part in no other test: her account can be frozen here.
test("an admin restricts the processing of a person's data and lifts it again (GDPR art. 18)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/admin/people?q=Dewi");
  await admin.getByRole("link", { name: "Dewi Sutanto" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Dewi Sutanto" })).toBeVisible();
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
});
