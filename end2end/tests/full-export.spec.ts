import fs from "node:fs";
import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

test("an admin prepares the full export, follows its progress and downloads the zip (DPA 8.B)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/privacy/export");
  await expect(admin.getByRole("heading", { level: 1, name: "Volledige export van de gegevens van de organisatie" })).toBeVisible();
  await waitForHydration(admin);
  const latest = admin.locator("#full-export");
  await latest.getByRole("button", { name: "Nieuwe export maken" }).click();
  // The progress bar shows while the file is written, then the link.
  const download = latest.getByRole("link", { name: "Export downloaden (zip)" });
  await expect(download).toBeVisible({ timeout: 60_000 });
  await expect(latest.getByRole("status")).toContainText("te downloaden tot");

  const file = admin.waitForEvent("download");
  await download.click();
  const saved = await file;
  expect(saved.suggestedFilename()).toMatch(/^koers-export-.*\.zip$/);
  const zip = fs.readFileSync(await saved.path());
  expect(zip.subarray(0, 2).toString()).toBe("PK");
  for (const entry of ["manifest.json", "json/user_account.json", "csv/goal.csv", "json/audit_event.json"]) {
    expect(zip.includes(Buffer.from(entry))).toBe(true);
  }

  await admin.goto("/privacy/audit-log");
  await expect(admin.locator("main")).toContainText("Volledige export van de organisatie gemaakt");
  await expect(admin.locator("main")).toContainText("Volledige export gedownload");
});
