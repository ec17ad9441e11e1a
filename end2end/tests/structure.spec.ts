import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn } from "../fixtures/accounts";

test("an admin builds three levels, names a manager and members, and grants the HR reader right", async ({ page }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [care, north, team] = [`Zorg ${suffix}`, `Wijkteam Noord ${suffix}`, `Team Noord-Oost ${suffix}`];
  await page.goto("/admin/structure");
  await waitForHydration(page);
  await signIn(page, FEMKE.email);
  await expect(page.getByRole("heading", { level: 1, name: "Structuur" })).toBeVisible();
  await waitForHydration(page);

  const add = async (name: string, parent?: string) => {
    const form = page.getByRole("region", { name: "Eenheid toevoegen" });
    await form.getByLabel("Naam").fill(name);
    if (parent) await form.getByLabel("Onderdeel van").selectOption({ label: parent });
    await form.getByRole("button", { name: "Eenheid toevoegen" }).click();
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  };
  await add(care);
  await add(north, care);
  // Options of deeper units are indented with em spaces.
  await add(team, `\u2003${north}`);

  // The department gets a manager; the team a member.
  await page.getByRole("link", { name: north, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: north })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Toevoegen als leidinggevende").selectOption({ label: "Ahmed El Amrani" });
  await page.getByRole("button", { name: "Toevoegen als leidinggevende" }).click();
  const managers = page.getByRole("region", { name: "Leidinggevenden" });
  await expect(managers.getByRole("listitem").filter({ hasText: "Ahmed El Amrani" })).toBeVisible();

  // A unit can move anywhere but into itself or below itself.
  const parents = page.getByLabel("Onderdeel van").locator("option");
  await expect(parents.filter({ hasText: care })).toHaveCount(1);
  await expect(parents.filter({ hasText: north })).toHaveCount(0);
  await expect(parents.filter({ hasText: team })).toHaveCount(0);

  // The HR reader right on the department reaches the team below it.
  await page.goto("/admin/structure");
  await page.getByRole("link", { name: north, exact: true }).click();
  await waitForHydration(page);
  await page.getByLabel("HR-leesrecht toekennen").selectOption({ label: FEMKE.name });
  await page.getByRole("button", { name: "HR-leesrecht toekennen" }).click();
  await expect(page.getByRole("region", { name: "HR-lezers" }).getByRole("listitem")).toContainText(FEMKE.name);

  await page.goto("/admin/structure");
  await page.getByRole("link", { name: team, exact: true }).click();
  await waitForHydration(page);
  await page.getByLabel("Toevoegen als lid").selectOption({ label: "Sanne de Vries" });
  await page.getByRole("button", { name: "Toevoegen als lid" }).click();
  const members = page.getByRole("region", { name: "Leden" });
  await expect(members.getByRole("listitem").filter({ hasText: "Sanne de Vries" })).toContainText("primaire eenheid");
  await expect(page.getByText(`Ook leesbaar voor, via een eenheid erboven: ${FEMKE.name}`)).toBeVisible();

  // The manager of the team sees exactly their team.
  await page.getByLabel("Toevoegen als leidinggevende").selectOption({ label: FEMKE.name });
  await page.getByRole("button", { name: "Toevoegen als leidinggevende" }).click();
  await expect(page.getByRole("region", { name: "Leidinggevenden" })).toContainText(FEMKE.name);
  await page.goto("/team");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn team" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row", { name: new RegExp(`Sanne de Vries.*${team}`) })).toBeVisible();
  await page.goBack();
  await waitForHydration(page);

  // A unit with members is not deleted; the message says why.
  await page.getByRole("button", { name: "Eenheid verwijderen" }).click();
  await expect(page.getByRole("alert")).toContainText("Verplaats of verwijder eerst de subeenheden, leden en teamdoelen.");

  // A job function, named in both languages, given to someone on their page.
  const fn = { nl: `Wijkverpleegkundige ${suffix}`, en: `District nurse ${suffix}` };
  await page.goto("/admin/functions");
  await waitForHydration(page);
  const addFunction = page.getByRole("region", { name: "Functie toevoegen" });
  await addFunction.getByLabel("Naam (Nederlands)").fill(fn.nl);
  await addFunction.getByLabel("Naam (Engels)").fill(fn.en);
  await addFunction.getByRole("button", { name: "Functie toevoegen" }).click();
  await expect(page.getByText(fn.nl)).toBeVisible();
  await page.goto("/admin/people?q=Thomas");
  await page.getByRole("link", { name: "Thomas Bakker" }).click();
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "Functie" }).selectOption({ label: fn.nl });
  await page.getByRole("region", { name: "Functie" }).getByRole("button", { name: "Opslaan" }).click();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Functie" }).locator("option:checked")).toHaveText(fn.nl);

  // A matrix manager is named by hand on the person's page, and undone.
  await expect(page.getByRole("heading", { level: 1, name: "Thomas Bakker" })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "Leidinggevende met de hand" }).selectOption({ label: "Ahmed El Amrani" });
  await page.getByRole("region", { name: "Leidinggevende met de hand" }).getByRole("button", { name: "Opslaan" }).click();
  await expect(page.locator("#current-managers")).toHaveText("Ahmed El Amrani");
  await page.getByRole("combobox", { name: "Leidinggevende met de hand" }).selectOption({ label: "Volg de structuur" });
  await page.getByRole("region", { name: "Leidinggevende met de hand" }).getByRole("button", { name: "Opslaan" }).click();
  // Back to the structure's manager: the team leader of Wijkteam Zuid.
  await expect(page.locator("#current-managers")).toHaveText("Joyce Kramer");

  // The audit log shows the grant.
  await page.goto("/privacy/audit-log");
  await expect(page.getByRole("row", { name: /HR-leesrecht toegekend/ }).first()).toBeVisible();
});
