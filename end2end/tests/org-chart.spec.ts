import { test, expect, waitForHydration } from "../fixtures/app";
import { SANNE, signIn } from "../fixtures/accounts";

test("an employee opens the org chart level by level and finds a colleague by search", async ({ page, consoleErrors }) => {
  await page.goto("/org");
  await waitForHydration(page);
  await signIn(page, SANNE.email);
  await expect(page.getByRole("heading", { level: 1, name: "Organogram" })).toBeVisible();

  // The top level: only the units right under the organisation.
  await page.getByRole("link", { name: "Zorg", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Zorg" })).toBeVisible();
  const units = page.getByRole("region", { name: "Eenheden" });
  await expect(units.getByRole("listitem").filter({ hasText: "Wijkteam Noord" })).toContainText("Leidinggevende: Ahmed El Amrani");
  await units.getByRole("link", { name: /^Wijkteam Noord/ }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Wijkteam Noord" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mensen" })).toContainText(SANNE.name);
  await expect(page.getByRole("navigation", { name: "Waar je bent in het organogram" })).toContainText("Zorg");

  // Search by part of a name, in any case.
  await page.getByRole("searchbox").fill("bakker");
  await page.getByRole("button", { name: "Zoeken" }).click();
  const people = page.getByRole("region", { name: "Mensen" });
  await expect(people.getByRole("listitem")).toHaveCount(1);
  await expect(people.getByRole("listitem")).toContainText("Thomas Bakker");
  await people.getByRole("link", { name: "Wijkteam Zuid" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Wijkteam Zuid" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
