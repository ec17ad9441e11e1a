import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // in Wijkteam Zuid
const SANNE = "sanne.devries@delinde.example"; // meets Ahmed weekly in the demo

/** Next week's day at 09:00, as the date-and-time field takes it. */
function nextWeekAtNine(): string {
  return `${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}T09:00`;
}

test("a 1:1 carries an undiscussed point over and keeps its action item", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [roster, wishes, worry] = [`Kerstdiensten verdelen ${suffix}`, `Scholingswensen ${suffix}`, `Tim lijkt moe ${suffix}`];
  const [action, notes] = [`Rooster delen ${suffix}`, `Kerstdiensten verdeeld ${suffix}`];

  // Joyce plans a weekly 1:1 with Tim.
  const joyce = await signedInPage(browser, JOYCE, "/one-on-ones");
  await joyce.getByLabel("Met", { exact: true }).selectOption({ label: "Tim Schouten" });
  await joyce.getByLabel("Eerste gesprek").fill(nextWeekAtNine());
  await joyce.getByLabel("Hoe vaak").selectOption({ label: "Elke week" });
  await joyce.getByRole("button", { name: "Plannen" }).click();
  await expect(joyce.getByRole("heading", { level: 1, name: "1-op-1 met Tim Schouten" })).toBeVisible();
  const conversation = joyce.url();
  await waitForHydration(joyce);

  // Both put points on the agenda; Joyce's private one stays hers.
  await joyce.getByLabel("Gesprekspunt").fill(roster);
  await joyce.getByRole("button", { name: "Op de agenda zetten" }).click();
  await expect(joyce.locator("#agenda")).toContainText(roster);
  await expect(joyce.getByLabel("Gesprekspunt")).toHaveValue("");
  await joyce.getByLabel("Gesprekspunt").fill(worry);
  await joyce.getByLabel("Alleen voor mij (privé)").check();
  await joyce.getByRole("button", { name: "Op de agenda zetten" }).click();
  await expect(joyce.locator("#agenda li").filter({ hasText: worry })).toContainText("privé");

  const tim = await signedInPage(browser, TIM, "/one-on-ones");
  await tim.getByRole("link", { name: "Joyce Kramer" }).click();
  await expect(tim.getByRole("heading", { level: 1, name: "1-op-1 met Joyce Kramer" })).toBeVisible();
  await expect(tim.locator("#agenda")).toContainText(roster);
  await expect(tim.getByText(worry)).toHaveCount(0);
  await waitForHydration(tim);
  await tim.getByLabel("Gesprekspunt").fill(wishes);
  await tim.getByRole("button", { name: "Op de agenda zetten" }).click();
  await expect(tim.locator("#agenda")).toContainText(wishes);

  // In the meeting: the roster is discussed, an action item for Tim, then it is held.
  await joyce.reload();
  await waitForHydration(joyce);
  await joyce.locator("#agenda li").filter({ hasText: roster }).getByRole("button", { name: "Markeer als besproken" }).click();
  await expect(joyce.locator("#agenda li").filter({ hasText: roster })).toContainText("Besproken");
  await joyce.getByRole("textbox", { name: "Actiepunt" }).fill(action);
  await joyce.getByLabel("Wie").selectOption({ label: "Tim Schouten" });
  await joyce.getByRole("button", { name: "Actiepunt toevoegen" }).click();
  await expect(joyce.locator("#action-items")).toContainText(action);
  await joyce.getByLabel("Gedeelde aantekeningen").fill(notes);
  await joyce.getByRole("button", { name: "Gesprek gehouden" }).click();

  // Tim's point was not discussed: it carried over to the next meeting; the roster went into the history.
  const carried = joyce.locator("#agenda li").filter({ hasText: wishes });
  await expect(carried).toContainText("doorgeschoven");
  await expect(joyce.locator("#agenda")).not.toContainText(roster);
  const history = joyce.getByRole("region", { name: "Eerdere gesprekken" });
  await expect(history).toContainText(notes);
  await expect(history).toContainText(roster);

  // Tim sees the same, and ticks his action item off.
  await tim.goto(conversation);
  await waitForHydration(tim);
  await expect(tim.locator("#agenda li").filter({ hasText: wishes })).toContainText("doorgeschoven");
  const item = tim.locator("#action-items li").filter({ hasText: action });
  await expect(item).toContainText("Tim Schouten");
  await item.getByRole("button", { name: "Markeer als gedaan" }).click();
  await expect(tim.locator("#action-items li").filter({ hasText: action })).toContainText("Gedaan");
  await expect(tim.getByText(worry)).toHaveCount(0);

  // Not even the admin reaches it.
  const admin = await signedInPage(browser, FEMKE.email, conversation.replace(/^https?:\/\/[^/]+/, ""));
  await expect(admin.getByText("Dit item bestaat niet of je hebt er geen toegang toe.")).toBeVisible();
  await expect(admin.getByText(roster)).toHaveCount(0);
});

test("the demo's 1:1 history is there, and the 1:1 screens fit a phone", async ({ browser }) => {
  const sanne = await signedInPage(browser, SANNE, "/one-on-ones");
  await sanne.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(sanne);
  await sanne.getByRole("link", { name: "Ahmed El Amrani" }).click();
  await expect(sanne.getByRole("heading", { level: 1, name: "1-op-1 met Ahmed El Amrani" })).toBeVisible();
  await expect(sanne.getByRole("region", { name: "Eerdere gesprekken" })).toContainText("Rooster januari rond");
  await expect(sanne.getByText("Werkdruk sinds de nieuwe cliënten")).toHaveCount(0);
  await expectNoSidewaysScroll(sanne);
});
