import fs from "node:fs";
import { test, expect } from "../fixtures/app";
import { FEMKE, SANNE, signedInPage } from "../fixtures/accounts";

test("an admin reads the register of processing activities and the DPIA pack, and prints both as PDF (GDPR art. 30, DPA 3.H)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/privacy/register");
  await expect(admin.getByRole("heading", { level: 1, name: "Register van verwerkingsactiviteiten" })).toBeVisible();
  const main = admin.locator("main");
  await expect(main).toContainText("Zorggroep De Linde, stand van");
  await expect(main.getByRole("heading", { name: "Ontvangers: subverwerkers" })).toBeVisible();
  await expect(main).toContainText("Koers demo-installatie");
  await expect(main).toContainText("zojuist gecontroleerd en zijn ongeschonden");

  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Downloaden als pdf" }).click();
  const pdf = fs.readFileSync(await (await download).path());
  expect(pdf.subarray(0, 8).toString()).toBe("%PDF-1.4");
  expect(pdf.includes(Buffer.from("Register van verwerkingsactiviteiten"))).toBe(true);

  await admin.getByRole("link", { name: "DPIA-pakket" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Informatiepakket voor de DPIA" })).toBeVisible();
  await expect(main.getByRole("table").filter({ hasText: "Risico" })).toContainText("Een account wordt overgenomen");
});

test("an employee without the admin or auditor role cannot read the registers (DPA 5.D)", async ({ browser }) => {
  const employee = await signedInPage(browser, SANNE.email, "/privacy/register");
  await expect(employee.locator("main")).toContainText("Je mag dit niet doen.");
  const refused = await employee.request.get("/privacy/register.pdf");
  expect(refused.status()).toBe(403);
});
