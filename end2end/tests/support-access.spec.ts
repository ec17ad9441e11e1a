import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, OPERATOR, signedInPage } from "../fixtures/accounts";

test("an admin grants the processor time-boxed support access, the operator sees the accounts, and the admin ends it (DPA 6)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/privacy/support-access");
  await waitForHydration(admin);
  const form = admin.locator("#support-grant");
  await form.getByRole("button", { name: "Toegang verlenen" }).click();
  await expect(form).toContainText("Vul dit in.");
  const case_ = `Ticket ${Date.now().toString(36)}: Sanne kan niet inloggen`;
  await form.getByLabel("Ondersteuningsvraag").fill(case_);
  await form.getByLabel("Hoe lang").selectOption("1");
  await form.getByRole("button", { name: "Toegang verlenen" }).click();
  const row = admin.getByRole("row", { name: new RegExp(case_) });
  await expect(row).toContainText("Actief tot");

  const operator = await signedInPage(browser, OPERATOR.email, "/operator");
  await operator.getByRole("link", { name: "Zorggroep De Linde" }).click();
  await waitForHydration(operator);
  const support = operator.locator("#support-access");
  await support.getByRole("button", { name: "Accounts tonen" }).click();
  await expect(support).toContainText(case_);
  await expect(support.getByRole("row", { name: /Femke Jansen/ })).toContainText("femke.jansen@delinde.example");

  await row.getByRole("button", { name: "Toegang nu beëindigen" }).click();
  await expect(row).toContainText("Beëindigd op");
  await support.getByRole("button", { name: "Accounts tonen" }).click();
  await expect(support).toContainText("Er is geen ondersteuningstoegang verleend");

  await admin.goto("/privacy/audit-log");
  await expect(admin.locator("main")).toContainText("Medewerker van de verwerker bekeek de accounts met ondersteuningstoegang");
  await expect(admin.locator("main")).toContainText("Ondersteuningstoegang beëindigd");
});
