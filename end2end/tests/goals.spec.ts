import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn, signedInPage } from "../fixtures/accounts";
import type { Page } from "@playwright/test";

const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const LAURA = "laura.brouwer@delinde.example"; // in Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // her colleague there
const KEVIN = "kevin.meijer@delinde.example"; // in Wijkteam Noord


async function newGoal(page: Page, fill: (page: Page) => Promise<void>) {
  await page.goto("/goals/new");
  await waitForHydration(page);
  await fill(page);
  await page.getByRole("button", { name: "Doel opslaan" }).click();
}

test("goals cascade from the organisation to a person, whose plan is returned, fixed and approved", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [orgGoal, teamGoal, myGoal] = [`Goede zorg dichtbij ${suffix}`, `Meer cliënten in Zuid ${suffix}`, `Drie intakes per week ${suffix}`];

  // The admin sets an organisation goal and lets Wijkteam Zuid's managers approve plans.
  const admin = await signedInPage(browser, FEMKE.email, "/admin/structure");
  await admin.getByRole("link", { name: "Wijkteam Zuid", exact: true }).click();
  await waitForHydration(admin);
  const settings = admin.getByRole("region", { name: "Instellingen van deze eenheid" });
  await settings.getByLabel("Leidinggevenden keuren doelenplannen goed", { exact: true }).selectOption("on");
  await settings.getByRole("button", { name: "Opslaan Leidinggevenden keuren doelenplannen goed" }).click();
  await expect(settings.getByLabel("Leidinggevenden keuren doelenplannen goed", { exact: true }).locator("option:checked")).toHaveText("Aan");
  await newGoal(admin, async (page) => {
    await page.getByLabel("Soort doel").selectOption({ label: "Organisatiedoel" });
    await page.getByLabel("Titel").fill(orgGoal);
  });
  await expect(admin.getByRole("heading", { level: 1, name: orgGoal })).toBeVisible();

  // The team's manager sets a team goal under it.
  const joyce = await signedInPage(browser, JOYCE, "/goals");
  await newGoal(joyce, async (page) => {
    await page.getByLabel("Soort doel").selectOption({ label: "Teamdoel" });
    await page.getByLabel("Eenheid (voor een teamdoel)").selectOption({ label: "Wijkteam Zuid" });
    await page.getByLabel("Draagt bij aan").selectOption({ label: orgGoal });
    await page.getByLabel("Titel").fill(teamGoal);
  });
  await expect(joyce.getByRole("heading", { level: 1, name: teamGoal })).toBeVisible();

  // Laura aligns a performance goal with two key results, and adds a development goal.
  const laura = await signedInPage(browser, LAURA, "/goals");
  await newGoal(laura, async (page) => {
    await page.getByLabel("Titel").fill(myGoal);
    await page.getByLabel("Draagt bij aan").selectOption({ label: teamGoal });
    await page.getByLabel("Wie het ziet").selectOption({ label: "Mijn team" });
    const first = page.getByRole("group", { name: "Kernresultaat 1" });
    await first.getByLabel("Wat wordt gemeten").fill("Intakes per week");
    await first.getByLabel("Beginwaarde").fill("1");
    await first.getByLabel("Streefwaarde").fill("3");
    const second = page.getByRole("group", { name: "Kernresultaat 2" });
    await second.getByLabel("Wat wordt gemeten").fill("Wachttijd in dagen");
    await second.getByLabel("Beginwaarde").fill("10");
    await second.getByLabel("Streefwaarde").fill("5");
  });
  await expect(laura.getByRole("heading", { level: 1, name: myGoal })).toBeVisible();
  const goalUrl = laura.url();
  await expect(laura.getByRole("link", { name: teamGoal })).toBeVisible();
  await newGoal(laura, async (page) => {
    await page.getByLabel("Soort doel").selectOption({ label: "Ontwikkeldoel" });
    await page.getByLabel("Titel").fill(`Beter doorvragen ${suffix}`);
    await page.getByLabel("Ontwikkelt").selectOption({ label: "Klantgerichtheid" });
  });
  await expect(laura.getByText("Klantgerichtheid")).toBeVisible();

  // She submits her plan; Joyce returns it with a comment.
  await laura.goto("/goals");
  await waitForHydration(laura);
  await laura.getByRole("button", { name: "Plan indienen bij mijn leidinggevende" }).click();
  await expect(laura.getByText("Doelenplan: Ingediend bij de leidinggevende")).toBeVisible();

  await joyce.goto("/team/goals");
  await joyce.getByRole("link", { name: "Laura Brouwer" }).click();
  await expect(joyce.getByRole("heading", { level: 1, name: "Doelen van Laura Brouwer" })).toBeVisible();
  await waitForHydration(joyce);
  await joyce.getByLabel("Opmerking (wat moet er anders)").fill("Maak de wachttijd concreter");
  await joyce.getByRole("button", { name: "Terugsturen met opmerking" }).click();
  await expect(joyce.getByText("Doelenplan: Teruggestuurd met opmerking")).toBeVisible();

  // Laura sees why, fixes her goal and submits again; Joyce approves.
  await laura.reload();
  await expect(laura.getByText("Opmerking van de leidinggevende: Maak de wachttijd concreter")).toBeVisible();
  await laura.goto(goalUrl);
  await waitForHydration(laura);
  await laura.getByRole("link", { name: "Doel wijzigen" }).click();
  await waitForHydration(laura);
  await laura.getByLabel("Meetbaar resultaat").fill("Wachttijd van 10 naar 5 dagen");
  await laura.getByRole("button", { name: "Doel opslaan" }).click();
  await expect(laura.getByText("Wachttijd van 10 naar 5 dagen")).toBeVisible();
  await laura.goto("/goals");
  await waitForHydration(laura);
  await laura.getByRole("button", { name: "Plan indienen bij mijn leidinggevende" }).click();
  await expect(laura.getByText("Doelenplan: Ingediend bij de leidinggevende")).toBeVisible();
  await joyce.reload();
  await waitForHydration(joyce);
  await joyce.getByRole("button", { name: "Plan goedkeuren" }).click();
  await expect(joyce.getByText("Doelenplan: Goedgekeurd")).toBeVisible();

  // Two check-ins; the progress follows from the key results: (50% + 60%) / 2.
  await laura.goto(goalUrl);
  await waitForHydration(laura);
  const checkIn = laura.getByRole("region", { name: "Voortgang bijwerken" });
  await checkIn.getByLabel("Intakes per week").fill("2");
  await checkIn.getByLabel("Toelichting").fill("Eerste intakes gedaan");
  await checkIn.getByRole("button", { name: "Voortgang opslaan" }).click();
  await expect(laura.locator("#goal-progress")).toHaveText("25%");
  await checkIn.getByLabel("Wachttijd in dagen").fill("7");
  await checkIn.getByLabel("Status").selectOption({ label: "Risico" });
  await checkIn.getByRole("button", { name: "Voortgang opslaan" }).click();
  await expect(laura.locator("#goal-progress")).toHaveText("55%");
  await expect(laura.locator("#goal-status")).toHaveText("Risico");
  await expect(laura.getByRole("region", { name: "Geschiedenis" }).getByRole("listitem").filter({ hasText: "Eerste intakes gedaan" })).toBeVisible();

  // Her colleague sees the goal (visible to her team); someone of another team does not.
  const tim = await signedInPage(browser, TIM, new URL(goalUrl).pathname);
  await expect(tim.getByRole("heading", { level: 1, name: myGoal })).toBeVisible();
  const kevin = await signedInPage(browser, KEVIN, new URL(goalUrl).pathname);
  await expect(kevin.getByText("Dit item bestaat niet of je hebt er geen toegang toe.")).toBeVisible();
  await expect(kevin.getByRole("heading", { level: 1, name: myGoal })).toHaveCount(0);

  // Admins see per unit how goals stand, as counts only.
  await admin.goto("/admin/goals");
  await expect(admin.getByRole("heading", { level: 1, name: "Doelen per eenheid" })).toBeVisible();
  const zuid = admin.getByRole("row", { name: /Wijkteam Zuid/ });
  await expect(zuid).toBeVisible();
  await expect(zuid).not.toContainText(myGoal);

  // Back as it was, for the other tests.
  await admin.goto("/admin/structure");
  await admin.getByRole("link", { name: "Wijkteam Zuid", exact: true }).click();
  await waitForHydration(admin);
  await settings.getByLabel("Leidinggevenden keuren doelenplannen goed", { exact: true }).selectOption("");
  await settings.getByRole("button", { name: "Opslaan Leidinggevenden keuren doelenplannen goed" }).click();
  await expect(settings.getByLabel("Leidinggevenden keuren doelenplannen goed", { exact: true }).locator("option:checked")).toHaveText(/Zoals hierboven/);
});

test("the goal screens fit a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/goals");
  await waitForHydration(page);
  await signIn(page, "sanne.devries@delinde.example");
  await expect(page.getByRole("heading", { level: 1, name: "Mijn doelen" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: "Intakes snel inplannen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intakes snel inplannen" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  for (const path of ["/goals/new", "/goals/organisation", "/team/goals"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});
