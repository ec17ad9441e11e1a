// Engagement surveys (issue 9): an admin builds and opens a survey for two
// teams; eight people answer (one on a phone-sized screen); the team of six
// shows its results and the team of two says why it is hidden, from every
// angle; a manager replies to a comment and its author answers anonymously.
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

// Lindehof (a team of nine, of whom six answer) and ICT (two, both answer).
const LINDEHOF = [
  "sophie.vandenberg",
  "ricardo.martis",
  "ingrid.veenstra",
  "bram.dijkstra",
  "hatice.yilmaz",
  "petra.sanders",
];
const ICT = ["ruben.vandijk", "anouk.peters"];
const FATIMA = "fatima.ouali@delinde.example"; // manages Lindehof
const COMMENT = "De overdracht tussen de diensten kan beter.";

const email = (name: string) => `${name}@delinde.example`;

/** Answers the survey titled `title`: every scale gets `score` (eNPS: 9), the comment `comment`. */
async function answer(browser: Browser, who: string, title: string, comment = "") {
  const page = await signedInPage(browser, email(who), "/surveys");
  const waiting = page.locator("#waiting").getByRole("listitem").filter({ hasText: title });
  await waiting.getByRole("link").click(); // "Invullen", or "Verdergaan" after saving
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: "Je antwoorden zijn anoniem" })).toBeVisible();
  for (const scale of await page.locator("fieldset.scale").all()) {
    const options = scale.locator(".scale-option");
    const label = (await options.count()) === 11 ? "9" : "Eens";
    await scale.getByLabel(label, { exact: true }).check();
  }
  if (comment) await page.getByLabel("Wat is één ding dat we beter kunnen doen?").fill(comment);
  await page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(page.locator("#sent")).toContainText("anoniem verstuurd");
  return page;
}

async function createSurvey(admin: Page, title: string) {
  await admin.goto("/admin/surveys");
  await waitForHydration(admin);
  await admin.getByLabel("Titel (Nederlands)").fill(title);
  await admin.getByLabel("Hoe hij loopt").selectOption("once");
  await admin.getByRole("button", { name: "Enquête maken" }).click();
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();
  await waitForHydration(admin);
}

test("two teams are asked, eight answer, the team of six shows and the team of two says why; a comment becomes a conversation", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `Medewerkersonderzoek ${Date.now().toString(36)}`;
  const admin = await signedInPage(browser, FEMKE.email, "/admin/surveys");
  await createSurvey(admin, title);

  // Opening without an audience is refused with a reason; nothing is lost.
  await admin.getByRole("button", { name: "Ronde openen" }).click();
  await expect(admin.locator("#rounds-title + ul + form")).toContainText("Vul dit in.");
  const audience = admin.locator("section", { has: admin.getByRole("heading", { name: "Voor wie" }) });
  await audience.getByLabel("Lindehof").check();
  await audience.getByLabel("ICT").check();
  await audience.getByRole("button", { name: "Eenheden opslaan" }).click();
  await expect(audience.getByLabel("Lindehof")).toBeChecked();
  await admin.getByRole("button", { name: "Ronde openen" }).click();
  await expect(admin.locator("#rounds")).toContainText("Open");
  await expect(admin.locator("#locked")).toBeVisible();

  // One respondent saves halfway on a phone and comes back to it.
  const phone = await (await browser.newContext({ locale: "nl-NL", viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto("/surveys");
  await waitForHydration(phone);
  await phone.getByLabel("E-mailadres of gebruikersnaam").fill(email(LINDEHOF[0]));
  await phone.getByLabel("Wachtwoord").fill("Linde-demo-wachtwoord-2026");
  await phone.getByRole("button", { name: "Inloggen" }).click();
  await waitForHydration(phone);
  await phone.locator("#waiting").getByRole("listitem").filter({ hasText: title }).getByRole("link").click();
  await waitForHydration(phone);
  await expectNoSidewaysScroll(phone);
  await phone.getByLabel("Wat is één ding dat we beter kunnen doen?").fill(COMMENT);
  await phone.getByRole("button", { name: "Opslaan en later verdergaan" }).click();
  await expect(phone.locator("#saved")).toContainText("bewaard tot de enquête sluit");
  await phone.goto("/surveys");
  await expect(phone.locator("#waiting").getByRole("listitem").filter({ hasText: title })).toContainText("Verdergaan");
  await phone.close();

  const sophie = await answer(browser, LINDEHOF[0], title, COMMENT);
  for (const who of [...LINDEHOF.slice(1), ...ICT]) {
    await (await answer(browser, who, title)).close();
  }

  // Results wait for the close.
  await admin.reload();
  await waitForHydration(admin);
  await expect(admin.locator("#rounds")).toContainText("8 van 11 ingevuld");
  await admin.getByRole("button", { name: "Nu sluiten" }).click();
  await admin.getByRole("link", { name: "Uitkomsten bekijken" }).click();
  await waitForHydration(admin);

  const heatmap = admin.locator("#heatmap");
  await expect(heatmap.getByRole("row", { name: /Lindehof/ })).toContainText("6");
  await expect(heatmap.getByRole("row", { name: /ICT/ })).toContainText("Verborgen: minder invullers dan de drempel.");
  // Everyone (eight) minus Lindehof (six) would give ICT away.
  await expect(admin.locator("#overall")).toContainText("Verborgen: naast een andere groep gelegd");

  // The spreadsheet is written from the same results.
  const download = admin.waitForEvent("download");
  await admin.locator("#results-export").click();
  const spreadsheet = await download;
  expect(spreadsheet.suggestedFilename()).toMatch(/^koers-survey-results-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(fs.readFileSync(await spreadsheet.path()).subarray(0, 2).toString()).toBe("PK");

  // No filter shows a group other than Lindehof's six.
  const segments: Record<string, string> = { Eenheid: "unit", Functie: "function", Dienstjaren: "tenure", Leeftijd: "age" };
  for (const lookFrom of ["Iedereen", "Lindehof", "ICT"]) {
    for (const [cutBy, code] of Object.entries(segments)) {
      await admin.getByLabel("Bekijk vanuit").selectOption({ label: lookFrom });
      await admin.getByLabel("Uitsplitsen naar").selectOption({ label: cutBy });
      await admin.getByRole("button", { name: "Tonen" }).click();
      const shown = `${lookFrom === "Iedereen" ? "" : lookFrom}|${code}`;
      await expect(admin.locator("#results-view")).toHaveAttribute("data-view", shown);
      for (const table of ["#overall", "#heatmap"]) {
        const counts = await admin.locator(`${table} tbody tr td:nth-of-type(1)`).allTextContents();
        for (const count of counts.filter((text) => /^\d+$/.test(text))) {
          expect(count, `${lookFrom} / ${cutBy}`).toBe("6");
        }
      }
    }
  }

  // Fatima, who manages Lindehof, reads the comment and replies.
  const fatima = await signedInPage(browser, FATIMA, "/surveys");
  await fatima.locator("#results").getByRole("link", { name: "Uitkomsten bekijken" }).first().click();
  await waitForHydration(fatima);
  await expect(fatima.getByLabel("Bekijk vanuit")).toHaveValue(/.+/);
  const thread = fatima.locator(".feedback-card", { hasText: COMMENT });
  await thread.getByLabel("Je reactie").fill("Dank je. Wat zou helpen bij de overdracht?");
  await thread.getByRole("button", { name: "Versturen" }).click();
  await expect(thread).toContainText("Fatima Ouali");

  // Sophie finds the reply with the code her browser holds, and answers anonymously.
  await sophie.goto("/surveys");
  await waitForHydration(sophie);
  const own = sophie.locator("#own-comments .feedback-card", { hasText: COMMENT });
  await expect(own).toContainText("Wat zou helpen bij de overdracht?");
  await own.getByLabel("Je antwoord (anoniem)").fill("Een vast overdrachtsmoment om half drie.");
  await own.getByRole("button", { name: "Versturen" }).click();
  await expect(own).toContainText("De invuller (anoniem)");

  await fatima.reload();
  await waitForHydration(fatima);
  const answered = fatima.locator(".feedback-card", { hasText: COMMENT });
  await expect(answered).toContainText("Een vast overdrachtsmoment om half drie.");
  await expect(answered).toContainText("De invuller (anoniem)");
  await expect(answered).not.toContainText("Sophie");
});
