import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";
import { linkInMail } from "../fixtures/mail";
import { PORT } from "../playwright.config";

const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const LAURA = "laura.brouwer@delinde.example"; // in Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // her colleague there
const KEVIN = "kevin.meijer@delinde.example"; // in Wijkteam Noord
const ANSWER_LINK = /http:\/\/127\.0\.0\.1:\d+\/f\/[A-Za-z0-9_-]+/;
const LINK_USED = "Deze link werkt niet meer: de feedback is al gegeven, de termijn is voorbij of het verzoek is ingetrokken.";

/** A date `days` from today as the date field takes it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a colleague and customers answer a request; a customer's link works once", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [customer, supplier] = [`els.${suffix}@klant.example`, `piet.${suffix}@leverancier.example`];
  const question = `Hoe verliep de overdracht deze week? ${suffix}`;
  const [fromTim, fromEls, fromPiet] = [`Heel zorgvuldig ${suffix}`, `Altijd op tijd ${suffix}`, `Duidelijke bestelling ${suffix}`];

  // Laura asks Tim and two people outside De Linde, with her own question.
  const laura = await signedInPage(browser, LAURA, "/feedback/requests/new");
  await laura.getByLabel("Vraag 1").fill(question);
  await laura.getByLabel("Antwoorden tot en met").fill(inDays(14));
  await laura.getByLabel("Tim Schouten", { exact: true }).check();
  await laura.locator("#external-0-name").fill("Els Klant");
  await laura.locator("#external-0-email").fill("els@klant");
  await laura.locator("#external-1-name").fill("Piet Leverancier");
  await laura.locator("#external-1-email").fill(supplier);
  await laura.getByRole("button", { name: "Verzoek versturen" }).click();
  // A wrong address is named beside its field; nothing typed is lost.
  await expect(laura.getByText("Vul een e-mailadres in zoals naam@voorbeeld.nl.")).toBeVisible();
  await expect(laura.getByLabel("Vraag 1")).toHaveValue(question);
  await laura.locator("#external-0-email").fill(customer);
  await laura.getByRole("button", { name: "Verzoek versturen" }).click();
  await expect(laura).toHaveURL(/\/feedback\/requests$/);
  const mine = laura.locator("#my-requests > li").filter({ hasText: question });
  await expect(mine).toContainText("Tim Schouten");
  await expect(mine).toContainText(customer);

  // The customer's e-mail arrives; without JavaScript and without an account the link works once.
  const customerLink = await linkInMail(PORT, customer, ANSWER_LINK);
  const withoutScript = await browser.newContext({ javaScriptEnabled: false });
  const els = await withoutScript.newPage();
  await els.goto(customerLink);
  await expect(els.getByRole("heading", { level: 1, name: "Feedback voor Laura Brouwer" })).toBeVisible();
  await expect(els.getByText("Laura Brouwer van Zorggroep De Linde vraagt je om feedback.", { exact: false })).toBeVisible();
  await els.getByRole("group", { name: question }).getByLabel("Je antwoord").fill(fromEls);
  await els.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(els.getByRole("heading", { level: 1, name: "Dank je wel" })).toBeVisible();
  await els.goto(customerLink);
  await expect(els.getByText(LINK_USED)).toBeVisible();
  await expect(els.getByRole("button", { name: "Antwoorden versturen" })).toHaveCount(0);
  await withoutScript.close();

  // The supplier answers with the app's script; an empty answer is refused first.
  const piet = await browser.newPage();
  await piet.goto(await linkInMail(PORT, supplier, ANSWER_LINK));
  await waitForHydration(piet);
  await piet.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(piet.getByText("Vul dit in.")).toBeVisible();
  await piet.getByLabel("Je antwoord").fill(fromPiet);
  await piet.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(piet.getByRole("heading", { level: 1, name: "Dank je wel" })).toBeVisible();

  // Tim answers in Koers for Laura and her manager, as the preview says.
  const tim = await signedInPage(browser, TIM, "/feedback/requests");
  await tim.locator("#requests-to-answer li").filter({ hasText: "Laura Brouwer" }).getByRole("link", { name: "Beantwoorden" }).first().click();
  await expect(tim.getByRole("heading", { level: 1, name: "Feedback voor Laura Brouwer" })).toBeVisible();
  await waitForHydration(tim);
  await tim.getByRole("group", { name: question }).getByLabel("Je antwoord").fill(fromTim);
  await tim.getByLabel("De ontvanger en diens leidinggevende").check();
  await expect(tim.locator("#feedback-readers")).toContainText("Joyce Kramer");
  await tim.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(tim).toHaveURL(/\/feedback\?box=given/);
  await expect(tim.getByText(fromTim)).toBeVisible();

  // Laura reads all three, the customers named as external; her manager reads Tim's only.
  await laura.goto("/feedback");
  await expect(laura.getByText(fromTim)).toBeVisible();
  await expect(laura.locator(".feedback-card").filter({ hasText: fromEls })).toContainText("Els Klant (extern)");
  await expect(laura.getByText(fromPiet)).toBeVisible();
  await laura.goto("/feedback/requests");
  await expect(mine.getByText("Beantwoord", { exact: true })).toHaveCount(3);
  const joyce = await signedInPage(browser, JOYCE, "/feedback?box=team");
  await expect(joyce.getByText(fromTim)).toBeVisible();
  await expect(joyce.getByText(fromEls)).toHaveCount(0);
  // Another colleague reads none of it.
  const kevin = await signedInPage(browser, KEVIN, "/feedback?box=team");
  await expect(kevin.getByRole("heading", { level: 1, name: "Feedback" })).toBeVisible();
  await expect(kevin.getByText(fromTim)).toHaveCount(0);
  await kevin.goto("/feedback?box=praise");
  await expect(kevin.getByText(fromTim)).toHaveCount(0);

  // The customers are in De Linde's register of external people, for its admins; Laura is not an admin.
  const admin = await signedInPage(browser, FEMKE.email, "/privacy/externals");
  const register = admin.locator("#external-people tr").filter({ hasText: customer });
  await expect(register).toContainText("Els Klant");
  await expect(register).toContainText("Laura Brouwer");
  await laura.goto("/privacy/externals");
  await expect(laura.getByText("Je mag dit niet doen.")).toBeVisible();
  await expect(laura.getByText(customer)).toHaveCount(0);
});

test("a withdrawn request's link refuses, and the requests screens fit a phone", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const customer = `jan.${suffix}@klant.example`;
  const question = `Wat kan ik beter doen? ${suffix}`;
  const laura = await signedInPage(browser, LAURA, "/feedback/requests/new");
  await laura.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(laura);
  await laura.getByLabel("Vraag 1").fill(question);
  await laura.getByLabel("Antwoorden tot en met").fill(inDays(7));
  await laura.locator("#external-0-name").fill("Jan Klant");
  await laura.locator("#external-0-email").fill(customer);
  await laura.getByRole("button", { name: "Verzoek versturen" }).click();
  await expect(laura).toHaveURL(/\/feedback\/requests$/);
  await expectNoSidewaysScroll(laura);
  const request = laura.locator("#my-requests > li").filter({ hasText: question });
  await waitForHydration(laura);
  // Right after asking, nobody is reminded yet.
  await request.getByRole("button", { name: "Herinner wie nog niet antwoordde" }).click();
  await expect(laura.getByRole("status")).toContainText("Niemand te herinneren");
  await request.getByRole("button", { name: "Verzoek intrekken" }).click();
  await expect(request.getByText("Ingetrokken")).toBeVisible();

  const jan = await browser.newPage();
  await jan.goto(await linkInMail(PORT, customer, ANSWER_LINK));
  await expect(jan.getByText(LINK_USED)).toBeVisible();
});
