import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";
import { runJobsAt } from "../fixtures/jobs";
import { linkInMail, mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";

const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const LAURA = "laura.brouwer@delinde.example"; // in Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // her colleague there
const AYLIN = "aylin.kaya@delinde.example"; // another colleague there

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

  // Joyce proposes a final score, then calibrates it with a rationale.
  await joyce.reload();
  await waitForHydration(joyce);
  await joyce.getByLabel("Voorgestelde eindscore").selectOption("4");
  await joyce.getByRole("button", { name: "Voorstel opslaan" }).click();
  await expect(joyce.locator("#score").getByRole("status")).toHaveText("Voorstel opgeslagen.");
  await joyce.goto(`/reviews/calibration?cycle=${cycleId}`);
  const calibrated = joyce.locator(".calibration-person").filter({ hasText: "Laura Brouwer" });
  await expect(calibrated).toContainText("Voorgesteld: 4, vastgesteld: geen");
  await waitForHydration(joyce);
  await calibrated.getByLabel("Vastgesteld").selectOption("3");
  await calibrated.getByLabel("Reden").fill("In lijn met de rest van het team.");
  await calibrated.getByRole("button", { name: "Vaststellen" }).click();
  await expect(calibrated).toContainText("Voorgesteld: 4, vastgesteld: 3");
  await expect(calibrated.locator(".calibration-log")).toContainText("geen → 3 door Joyce Kramer");
  await expect(calibrated.locator(".calibration-log")).toContainText("In lijn met de rest van het team.");

  // Joyce places Laura in the 9-box of the cycle.
  await joyce.goto(`/reviews/talent?cycle=${cycleId}`);
  await waitForHydration(joyce);
  const talent = joyce.locator(".talent-person").filter({ hasText: "Laura Brouwer" });
  await talent.getByLabel("Prestatie").selectOption({ label: "Hoog" });
  await talent.getByLabel("Potentieel").selectOption({ label: "Midden" });
  await talent.getByRole("button", { name: "Plaatsen" }).click();
  await expect(joyce.locator("#box-high-medium")).toContainText("Laura Brouwer");

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

test("a 360 review: anonymous answers appear only once the third reviewer answered", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [formName, peerFormName, cycleName] = [`Eindgesprek ${suffix}`, `360 ${suffix}`, `Gesprekken 360 ${suffix}`];
  const admin = await signedInPage(browser, FEMKE.email, "/admin/reviews/forms");
  for (const [name, question] of [[formName, "Wat ging goed?"], [peerFormName, "Wat doet Laura goed?"]]) {
    await admin.goto("/admin/reviews/forms");
    await waitForHydration(admin);
    await admin.locator("#new-name-nl").fill(name);
    await admin.getByRole("button", { name: "Formulier aanmaken" }).click();
    await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
    await waitForHydration(admin);
    await admin.locator("#new-text-nl").fill(question);
    await admin.getByLabel("Verplicht").last().check();
    await admin.getByRole("button", { name: "Vraag toevoegen" }).click();
    await expect(admin.locator("#questions")).toContainText(question);
  }
  await admin.goto("/admin/reviews");
  await waitForHydration(admin);
  await admin.getByLabel("Naam", { exact: true }).fill(cycleName);
  await admin.getByLabel("Begint op").fill(day(-60));
  await admin.getByLabel("Eindigt op").fill(day(60));
  await admin.getByRole("button", { name: "Cyclus aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: cycleName })).toBeVisible();
  await waitForHydration(admin);
  await admin.locator("summary", { hasText: "Eenheden" }).click();
  await admin.getByLabel("Wijkteam Zuid", { exact: true }).check();
  await admin.getByRole("button", { name: "Opslaan wie meedoet" }).click();
  await expect(admin.locator("#scope-summary")).toHaveText("Wijkteam Zuid");
  await admin.locator("#new-kind").selectOption({ label: "Eindevaluatie" });
  await admin.locator("#new-opens-on").fill(day(-1));
  await admin.locator("#new-closes-on").fill(day(14));
  await admin.locator("#new-form").selectOption({ label: formName });
  await admin.locator("#new-peer-form").selectOption({ label: peerFormName });
  await admin.getByRole("button", { name: "Moment toevoegen" }).click();
  await expect(admin.locator("#moments")).toContainText("Eindevaluatie");

  // Laura asks two colleagues and a client.
  const laura = await signedInPage(browser, LAURA, "/reviews");
  await laura.locator("#evaluations tr").filter({ hasText: cycleName }).getByRole("link").click();
  await expect(laura.locator("#peer-reviews")).toBeVisible();
  const evaluationUrl = laura.url().replace(/^https?:\/\/[^/]+/, "");
  await waitForHydration(laura);
  const client = `els.${suffix}@klant.example`;
  for (const colleague of ["Tim Schouten", "Aylin Kaya"]) {
    await laura.getByLabel("Collega", { exact: true }).selectOption({ label: colleague });
    await laura.getByRole("button", { name: "Collega vragen" }).click();
    await expect(laura.locator("#nominations")).toContainText(colleague);
  }
  await laura.getByLabel("Naam van iemand van buiten").fill("Els Klant");
  await laura.getByLabel("Zijn of haar e-mailadres").fill(client);
  await laura.getByRole("button", { name: "Via een link vragen" }).click();
  await expect(laura.locator("#nominations")).toContainText("Els Klant");
  await expect(laura.locator("#nominations")).toContainText("Wacht op goedkeuring");

  // Joyce approves the list, which asks the three.
  const joyce = await signedInPage(browser, JOYCE, evaluationUrl);
  await joyce.getByRole("button", { name: "Lijst goedkeuren en de reviewers vragen" }).click();
  await expect(joyce.locator("#nominations")).not.toContainText("Wacht op goedkeuring");

  // Tim and Aylin answer in Koers; two answers stay hidden.
  for (const [email, text] of [[TIM, "Laura helpt nieuwe collega's op weg."], [AYLIN, "Laura plant rustig en duidelijk."]]) {
    const colleague = await signedInPage(browser, email, "/reviews");
    await colleague.locator("#review-requests a").filter({ hasText: "Laura" }).click();
    await expect(colleague.getByRole("heading", { name: /Een review voor Laura/ })).toBeVisible();
    await colleague.getByLabel("Wat doet Laura goed?").fill(text);
    await colleague.getByRole("button", { name: "Review versturen" }).click();
    await expect(colleague).toHaveURL(/\/reviews$/);
  }
  await laura.goto(evaluationUrl);
  await expect(laura.locator("#peer-results")).toContainText("2 antwoord(en) binnen");
  await expect(laura.locator("#peer-reviews")).not.toContainText("Laura helpt nieuwe collega's op weg.");

  // The client answers through the link in her e-mail, without an account; now all three show, without names.
  const link = await linkInMail(PORT, client, /http:\/\/[^\s"]*\/r\/[A-Za-z0-9_-]+/);
  const outside = await (await browser.newContext({ locale: "nl-NL" })).newPage();
  await outside.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await outside.getByLabel("Wat doet Laura goed?").fill("Altijd bereikbaar voor onze familie.");
  await outside.getByRole("button", { name: "Review versturen" }).click();
  await expect(outside.getByRole("heading", { name: "Dank je wel" })).toBeVisible();
  await laura.reload();
  const results = laura.locator("#peer-results");
  await expect(results.locator("li")).toHaveCount(3);
  await expect(results).toContainText("Altijd bereikbaar voor onze familie.");
  await expect(results).not.toContainText("Tim Schouten");
});
