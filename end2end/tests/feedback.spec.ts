import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { FEMKE, signIn, signedInPage } from "../fixtures/accounts";

const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const LAURA = "laura.brouwer@delinde.example"; // in Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // her colleague there
const KEVIN = "kevin.meijer@delinde.example"; // in Wijkteam Noord


test("feedback reaches exactly the readers its giver chose, as the preview said", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [forTwo, praise] = [`Sterke overdracht vandaag ${suffix}`, `Altijd een luisterend oor ${suffix}`];

  // Tim gives Laura feedback for her and her manager; the preview names them first.
  const tim = await signedInPage(browser, TIM, "/feedback/give");
  await tim.getByLabel("Aan", { exact: true }).selectOption({ label: "Laura Brouwer" });
  await tim.getByLabel("De ontvanger en diens leidinggevende").check();
  const readers = tim.locator("#feedback-readers");
  await expect(readers).toContainText("Jij, als gever");
  await expect(readers).toContainText("Laura Brouwer");
  await expect(readers).toContainText("Joyce Kramer");
  await tim.getByLabel("Je feedback").fill(forTwo);
  await tim.getByRole("button", { name: "Feedback versturen" }).click();
  await expect(tim).toHaveURL(/\/feedback\?box=given/);
  await expect(tim.getByText(forTwo)).toBeVisible();

  // Public praise needs a core value; then it is on everyone's wall.
  await tim.goto("/feedback/give");
  await waitForHydration(tim);
  await tim.getByLabel("Aan", { exact: true }).selectOption({ label: "Laura Brouwer" });
  await tim.getByLabel("Iedereen: een publiek compliment").check();
  await expect(tim.locator("#feedback-readers")).toContainText("Iedereen in je organisatie");
  await tim.getByLabel("Je feedback").fill(praise);
  await tim.getByRole("button", { name: "Feedback versturen" }).click();
  await expect(tim.getByText("Vul dit in.")).toBeVisible();
  await tim.getByLabel("Over", { exact: true }).selectOption({ label: "Betrokken" });
  await tim.getByRole("button", { name: "Feedback versturen" }).click();
  await expect(tim).toHaveURL(/\/feedback\?box=given/);

  // Laura reads both and ties one to nothing in particular; her manager reads the first under her team.
  const laura = await signedInPage(browser, LAURA, "/feedback");
  await expect(laura.getByText(forTwo)).toBeVisible();
  await expect(laura.getByText(praise)).toBeVisible();
  // Signing in on a page with a query string comes back to that same page.
  const joyce = await signedInPage(browser, JOYCE, "/feedback?box=team");
  await expect(joyce).toHaveURL(/\/feedback\?box=team$/);
  await expect(joyce.getByText(forTwo)).toBeVisible();

  // A colleague elsewhere sees the praise on the wall, not the feedback for two.
  const kevin = await signedInPage(browser, KEVIN, "/feedback?box=praise");
  await expect(kevin.getByText(praise)).toBeVisible();
  await expect(kevin.getByText(forTwo)).toHaveCount(0);
  await kevin.goto("/feedback?box=team");
  await expect(kevin.getByRole("heading", { level: 1, name: "Feedback" })).toBeVisible();
  await expect(kevin.getByText(forTwo)).toHaveCount(0);
});

test("a manager's private note is invisible to the admin", async ({ browser }) => {
  const note = `Wil de wondzorgcursus doen ${Date.now().toString(36)}`;
  // From her team page, straight to her notes about Laura.
  const joyce = await signedInPage(browser, JOYCE, "/team");
  await joyce.getByRole("row", { name: /Laura Brouwer/ }).getByRole("link", { name: "Mijn notities" }).click();
  await expect(joyce.locator("#note-subject option:checked")).toHaveText("Laura Brouwer");
  await joyce.locator("#note-body").fill(note);
  await joyce.getByRole("button", { name: "Notitie toevoegen" }).click();
  await expect(joyce.getByRole("paragraph").filter({ hasText: note })).toBeVisible();
  await expect(joyce.locator("#note-body")).toHaveValue("");

  const admin = await signedInPage(browser, FEMKE.email, "/notes");
  await expect(admin.getByRole("heading", { level: 1, name: "Privénotities" })).toBeVisible();
  await expect(admin.getByText(note)).toHaveCount(0);
  const laura = await signedInPage(browser, LAURA, "/notes");
  await expect(laura.getByText(note)).toHaveCount(0);
});

test("the feedback and note screens fit a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/feedback");
  await waitForHydration(page);
  await signIn(page, TIM);
  await expect(page.getByRole("heading", { level: 1, name: "Feedback" })).toBeVisible();
  for (const path of ["/feedback", "/feedback/give", "/feedback?box=praise", "/notes"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});
