import { test, expect, waitForHydration } from "../fixtures/app";
import { OPERATOR, signIn } from "../fixtures/accounts";

test("an admin reads the organisation's audit log, sealed and filterable", async ({ page }) => {
  await page.goto("/privacy/audit-log");
  await waitForHydration(page);
  await signIn(page, "femke.jansen@delinde.example");
  await expect(page.getByRole("heading", { level: 1, name: "Auditlog" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Het log is compleet: elke regel klopt met de regel ervoor.");
  await expect(page.getByRole("row", { name: /Femke Jansen.*Ingelogd/ }).first()).toBeVisible();

  // The filter is a plain GET form: the address can be bookmarked.
  await page.getByLabel("Toon").selectOption({ label: "Organisatie aangemaakt" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/action=organisation\.created/);
  await expect(page.getByRole("row", { name: /Organisatie aangemaakt/ })).toHaveCount(1);
  await expect(page.getByRole("row", { name: /Ingelogd/ })).toHaveCount(0);
});

test("operators see only the platform's audit log", async ({ page }) => {
  await page.goto("/login");
  await waitForHydration(page);
  await signIn(page, OPERATOR.email);
  await expect(page).toHaveURL(/\/operator$/);
  await page.getByRole("link", { name: "Auditlog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Auditlog van het platform" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Olga de Boer.*Ingelogd/ }).first()).toBeVisible();
  // Nothing of an organisation's own chain shows here.
  await expect(page.getByRole("row", { name: /Organisatie aangemaakt/ })).toHaveCount(0);
});
