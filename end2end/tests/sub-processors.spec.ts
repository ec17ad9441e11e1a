import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

test("an admin objects to a newly announced sub-processor, and the objection is recorded (DPA 4.D–E)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/privacy/sub-processors");
  const inUse = admin.locator("#sub-processors > li").filter({ hasText: "Rekencentrum Noord BV" });
  await expect(inUse).toContainText("In gebruik sinds");
  await expect(inUse.locator("summary")).toHaveCount(0);

  const announced = admin.locator("#sub-processors > li").filter({ hasText: "Mailbezorging BV" });
  await expect(announced).toContainText("Frankfurt, Duitsland");
  await waitForHydration(admin);
  await announced.locator("summary", { hasText: "Bezwaar maken" }).click();
  await announced.getByLabel("Reden van het bezwaar").fill("Onze cliënten willen hun gegevens in Nederland.");
  await announced.getByRole("button", { name: "Bezwaar indienen" }).click();
  await expect(announced).toContainText("Femke Jansen maakte op");
  await expect(announced).toContainText("Onze cliënten willen hun gegevens in Nederland.");
  await expect(announced).toContainText("opzegtermijn van één maand");
  await expect(announced.locator("summary")).toHaveCount(0);

  await admin.goto("/privacy/audit-log");
  await expect(admin.locator("main")).toContainText("Bezwaar tegen subverwerker");
});
