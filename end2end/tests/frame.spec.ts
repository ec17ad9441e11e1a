import fs from "node:fs";
import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn } from "../fixtures/accounts";

test("an admin keeps core values and competencies with levels, in Dutch and English", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await page.goto("/admin/values");
  await waitForHydration(page);
  await signIn(page, FEMKE.email);
  await expect(page.getByRole("heading", { level: 1, name: "Kernwaarden" })).toBeVisible();
  await expect(page.getByText("Betrokken", { exact: true })).toBeVisible();
  await waitForHydration(page);
  const addValue = page.getByRole("region", { name: "Kernwaarde toevoegen" });
  await addValue.getByLabel("Naam (Nederlands)").fill(`Moedig ${suffix}`);
  await addValue.getByLabel("Naam (Engels)").fill(`Brave ${suffix}`);
  await addValue.getByRole("button", { name: "Kernwaarde toevoegen" }).click();
  await expect(page.getByText(`Moedig ${suffix}`, { exact: true })).toBeVisible();

  await page.goto("/admin/competencies");
  await waitForHydration(page);
  const addCompetency = page.getByRole("region", { name: "Competentie toevoegen" });
  await addCompetency.getByLabel("Naam (Nederlands)").fill(`Plannen ${suffix}`);
  await addCompetency.getByLabel("Naam (Engels)").fill(`Planning ${suffix}`);
  await addCompetency.getByRole("button", { name: "Competentie toevoegen" }).click();
  await page.getByRole("link", { name: `Plannen ${suffix}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Plannen ${suffix}` })).toBeVisible();
  await waitForHydration(page);

  // Asked of district nurses.
  await page.getByRole("group", { name: "Gevraagd van wie deze functies heeft" }).getByLabel("Wijkverpleegkundige").check();
  await page.getByRole("button", { name: `Opslaan voor wie Plannen ${suffix}` }).click();

  // A level with its behaviour, one indicator per line.
  const levels = page.getByRole("region", { name: "Niveaus" });
  await levels.locator("summary", { hasText: "Niveau toevoegen" }).click();
  await levels.getByLabel("Naam (Nederlands)").fill("Basis");
  await levels.getByLabel("Gedragsindicatoren (Nederlands, één per regel)").fill("Plant de eigen week\nMeldt vertraging op tijd");
  await levels.getByRole("button", { name: "Niveau toevoegen" }).click();
  await expect(levels.getByText("Meldt vertraging op tijd", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Niveaus" }).getByText("Plant de eigen week", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Wijkverpleegkundige", { exact: true })).toBeChecked();
  await page.goto("/admin/competencies");
  await expect(page.getByRole("listitem").filter({ hasText: `Plannen ${suffix}` })).toContainText("1 niveaus");
  await expect(page.getByRole("listitem").filter({ hasText: `Plannen ${suffix}` })).toContainText("Gevraagd van: Wijkverpleegkundige");

  // In English the English names show.
  await waitForHydration(page);
  await page.getByLabel("Taal").selectOption({ label: "English" });
  await expect(page.getByRole("heading", { level: 1, name: "Competencies" })).toBeVisible();
  await expect(page.getByText(`Planning ${suffix}`, { exact: true })).toBeVisible();
});

test("a unit's setting holds below it until a unit further down chooses otherwise", async ({ page }) => {
  await page.goto("/admin/settings");
  await waitForHydration(page);
  await signIn(page, FEMKE.email);
  await expect(page.getByRole("heading", { level: 1, name: "Instellingen" })).toBeVisible();
  await expect(page.getByLabel("Medewerkerspeilingen", { exact: true })).toHaveValue("");

  await page.goto("/admin/structure");
  await page.getByRole("link", { name: "Zorg", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zorg" })).toBeVisible();
  await waitForHydration(page);
  const settings = page.getByRole("region", { name: "Instellingen van deze eenheid" });
  await settings.getByLabel("Medewerkerspeilingen", { exact: true }).selectOption("off");
  await settings.getByRole("button", { name: "Opslaan Medewerkerspeilingen" }).click();
  await expect(settings.getByLabel("Medewerkerspeilingen", { exact: true }).locator("option:checked")).toHaveText("Uit");

  // Two levels down it holds, named with where it comes from.
  await page.goto("/admin/structure");
  await page.getByRole("link", { name: "Lindehof", exact: true }).click();
  await waitForHydration(page);
  const below = page.getByRole("region", { name: "Instellingen van deze eenheid" });
  await expect(below.getByLabel("Medewerkerspeilingen", { exact: true }).locator("option:checked")).toHaveText("Zoals hierboven: Uit (van Zorg)");

  // Back as it was, for the other tests.
  await page.goto("/admin/structure");
  await page.getByRole("link", { name: "Zorg", exact: true }).click();
  await waitForHydration(page);
  await settings.getByLabel("Medewerkerspeilingen", { exact: true }).selectOption("");
  await settings.getByRole("button", { name: "Opslaan Medewerkerspeilingen" }).click();
  await expect(settings.getByLabel("Medewerkerspeilingen", { exact: true }).locator("option:checked")).toHaveText("Zoals hierboven: Aan (standaard)");
});

test("an admin filters people by function and role, and downloads everyone as CSV", async ({ page }) => {
  await page.goto("/admin/people");
  await waitForHydration(page);
  await signIn(page, FEMKE.email);
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "Functie" }).selectOption({ label: "Zorgmanager" });
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page.getByText("Aantal mensen: 2")).toBeVisible();
  await expect(page.getByRole("row", { name: /Marieke Visser/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Dennis Jacobs/ })).toBeVisible();

  await page.getByRole("combobox", { name: "Functie" }).selectOption({ label: "Alle" });
  await page.getByRole("combobox", { name: "Rol" }).selectOption({ label: "Beheerder" });
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page).toHaveURL(/role=admin/);
  await expect(page.getByRole("row", { name: new RegExp(FEMKE.name) })).toBeVisible();
  await expect(page.getByRole("row", { name: /Sanne de Vries/ })).toHaveCount(0);

  await page.goto("/admin/people/import");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Iedereen downloaden als CSV" }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, "utf8");
  expect(csv.split("\n")[0]).toBe("\u{feff}name,email,username,phone,language,function,unit,manages unit,manager,roles,start date,birth year");
  expect(csv).toContain("Ahmed El Amrani,ahmed.elamrani@delinde.example,,,nl,Teamleider,Zorg > Wijkteam Noord,yes,,manager,2018-09-01,1974");
});

test("with indirect reports allowed, a manager also sees the people of their team leaders", async ({ browser }) => {
  const adminContext = await browser.newContext({ locale: "nl-NL" });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/settings");
  await waitForHydration(admin);
  await signIn(admin, FEMKE.email);
  await waitForHydration(admin);
  const indirect = "Leidinggevenden zien de medewerkers van hun medewerkers";
  await admin.getByLabel(indirect, { exact: true }).selectOption("on");
  await admin.getByRole("button", { name: `Opslaan ${indirect}` }).click();
  await expect(admin.getByLabel(indirect, { exact: true }).locator("option:checked")).toHaveText("Aan");

  const managerContext = await browser.newContext({ locale: "nl-NL" });
  const manager = await managerContext.newPage();
  await manager.goto("/team");
  await waitForHydration(manager);
  await signIn(manager, "dennis.jacobs@delinde.example");
  await expect(manager.getByRole("heading", { level: 1, name: "Mijn team" })).toBeVisible();
  await expect(manager.getByRole("row", { name: /Fatima Ouali.*Jou \(direct\)/ })).toBeVisible();
  await expect(manager.getByRole("row", { name: /Ricardo Martis.*Lindehof.*Fatima Ouali/ })).toBeVisible();

  await admin.getByLabel(indirect, { exact: true }).selectOption("");
  await admin.getByRole("button", { name: `Opslaan ${indirect}` }).click();
  await expect(admin.getByLabel(indirect, { exact: true }).locator("option:checked")).toHaveText("Zoals hierboven: Uit (standaard)");
  await manager.reload();
  await expect(manager.getByRole("row", { name: /Fatima Ouali/ })).toBeVisible();
  await expect(manager.getByRole("row", { name: /Ricardo Martis/ })).toHaveCount(0);
  await adminContext.close();
  await managerContext.close();
});
