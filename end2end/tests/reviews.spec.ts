import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";
import { runJobsAt } from "../fixtures/jobs";
import { linkInMail, mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";

const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const LAURA = "laura.brouwer@delinde.example"; // in Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // her colleague there

/** The day `days` from today, as `YYYY-MM-DD`. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a cycle from set-up to acknowledged evaluations, with progress and a reminder on its date", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [formName, cycleName] = [`Eindgesprek ${suffix}`, `Gesprekken ${suffix}`];

  // Femke builds a form: an open question and a rating, both required.
  const admin = await signedInPage(browser, FEMKE.email, "/admin/reviews/forms");
  await admin.locator("#new-name-nl").fill(formName);
  await admin.getByRole("button", { name: "Formulier aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: formName })).toBeVisible();
  await waitForHydration(admin);
  for (const [kind, text] of [["Open vraag", "Wat ging goed?"], ["Beoordeling op een schaal", "Samenwerking"]]) {
    await admin.locator("#new-kind").selectOption({ label: kind });
    await admin.locator("#new-text-nl").fill(text);
    await admin.getByLabel("Verplicht").last().check();
    await admin.getByRole("button", { name: "Vraag toevoegen" }).click();
    await expect(admin.locator("#questions")).toContainText(text);
  }

  // …and a cycle for Wijkteam Zuid: a goal-setting moment behind us and an
  // end evaluation open now, with a reminder in three days.
  await admin.goto("/admin/reviews");
  await waitForHydration(admin);
  await admin.getByLabel("Naam", { exact: true }).fill(cycleName);
  await admin.getByLabel("Begint op").fill(day(-60));
  await admin.getByLabel("Eindigt op").fill(day(60));
  await admin.getByRole("button", { name: "Cyclus aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: cycleName })).toBeVisible();
  const cycleId = admin.url().split("/").pop();
  await waitForHydration(admin);
  await admin.locator("summary", { hasText: "Eenheden" }).click();
  await admin.getByLabel("Wijkteam Zuid", { exact: true }).check();
  await admin.getByRole("button", { name: "Opslaan wie meedoet" }).click();
  await expect(admin.locator("#scope-summary")).toHaveText("Wijkteam Zuid");
  for (const [kind, opens, closes, writers, reminders] of [
    ["Doelen stellen", day(-60), day(-30), "De leidinggevende", ""],
    ["Eindevaluatie", day(-1), day(14), "Allebei", day(3)],
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

  // Laura writes her self-reflection; the draft saves itself.
  const laura = await signedInPage(browser, LAURA, "/reviews");
  const hers = laura.locator("#evaluations tr").filter({ hasText: cycleName }).filter({ hasText: "Eindevaluatie" });
  await hers.getByRole("link").click();
  await expect(laura.getByRole("heading", { name: "Je zelfreflectie" })).toBeVisible();
  const evaluationUrl = laura.url();
  await waitForHydration(laura);
  await laura.getByLabel("Wat ging goed?").fill("De overdracht loopt nu soepel.");
  await expect(laura.getByRole("status")).toHaveText("Concept opgeslagen.");
  await laura.reload();
  await waitForHydration(laura);
  await expect(laura.getByLabel("Wat ging goed?")).toHaveValue("De overdracht loopt nu soepel.");
  // Sharing needs every required answer; what was typed stays.
  await laura.getByRole("button", { name: "Delen met De leidinggevende" }).click();
  await expect(laura.getByText("Beantwoord deze vraag voordat je deelt.")).toBeVisible();
  await expect(laura.getByLabel("Wat ging goed?")).toHaveValue("De overdracht loopt nu soepel.");
  await laura.getByLabel("Samenwerking").selectOption({ label: "4 van 5" });
  await laura.getByRole("button", { name: "Delen met De leidinggevende" }).click();
  await expect(laura.locator("#own-part")).toContainText("Gedeeld op");
  await expect(laura.locator("#own-part")).toContainText("4 van 5");

  // Joyce reads it, writes and shares her evaluation, and acknowledges.
  const joyce = await signedInPage(browser, JOYCE, evaluationUrl.replace(/^https?:\/\/[^/]+/, ""));
  await expect(joyce.locator("#other-part")).toContainText("De overdracht loopt nu soepel.");
  await expect(joyce.locator("#side-panel")).toBeVisible();
  await joyce.getByLabel("Wat ging goed?").fill("Laura nam de inwerkperiode van Tim op zich.");
  await joyce.getByLabel("Samenwerking").selectOption({ label: "5 van 5" });
  await joyce.getByRole("button", { name: "Delen met De medewerker" }).click();
  await expect(joyce.locator("#acknowledge")).toBeVisible();
  await joyce.getByLabel("Opmerking (niet verplicht)").fill("Dank voor het goede gesprek.");
  await joyce.getByRole("button", { name: "Bevestigen" }).click();
  await expect(joyce.locator("#acknowledgements")).toContainText("Je hebt bevestigd.");

  // Laura reads Joyce's evaluation and acknowledges: it is locked.
  await laura.reload();
  await expect(laura.locator("#other-part")).toContainText("Laura nam de inwerkperiode van Tim op zich.");
  await expect(laura.locator("#acknowledgements")).toContainText("Dank voor het goede gesprek.");
  await waitForHydration(laura);
  await laura.getByRole("button", { name: "Bevestigen" }).click();
  await expect(laura.locator("#acknowledgements")).toContainText("Beiden hebben bevestigd");
  await expect(laura.locator("#evaluation-stage")).toContainText("Bevestigd en vastgezet");

  // The dashboard shows Laura done and Tim not started, the goal-setting moment overdue for both.
  await admin.goto(`/reviews/progress?cycle=${cycleId}`);
  const people = admin.locator("#progress-people");
  const lauraRow = people.locator("tr").filter({ hasText: "Laura" });
  await expect(lauraRow.locator("td").nth(2)).toContainText("Bevestigd en vastgezet");
  await expect(lauraRow.locator("td").nth(1)).toContainText("Te laat");
  await expect(people.locator("tr").filter({ hasText: "Tim" }).locator("td").nth(2)).toContainText("Nog niet begonnen");
  await expect(admin.locator("#progress-units")).toContainText(/1 van \d+ bevestigd/);
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Download als Excel (XLSX)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^koers-review-progress-.*\.xlsx$/);

  // On the reminder date, Tim (who has not written) is reminded; Laura is done.
  const moment = new URL(evaluationUrl).pathname.split("/")[2];
  runJobsAt(PORT, new Date(`${day(3)}T08:00:00Z`));
  const link = await linkInMail(PORT, TIM, new RegExp(`http://[^\\s"]*/reviews/${moment}/[0-9a-f-]+`));
  expect(mailsTo(PORT, TIM).some((mail) => mail.includes("wacht nog op je") && mail.includes(link))).toBe(true);
  // Laura was told when Joyce shared, and is not reminded: she is done.
  const lauras = mailsTo(PORT, LAURA).filter((mail) => mail.includes(`/reviews/${moment}/`));
  expect(lauras.some((mail) => mail.includes("heeft een evaluatie met je gedeeld"))).toBe(true);
  expect(lauras.some((mail) => mail.includes("wacht nog op je"))).toBe(false);
});
