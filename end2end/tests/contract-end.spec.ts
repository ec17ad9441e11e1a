import { test, expect, waitForHydration } from "../fixtures/app";
import { OPERATOR, signedInPage } from "../fixtures/accounts";
import { runJobsAt } from "../fixtures/jobs";
import { mailsTo } from "../fixtures/mail";
import { addOrganisation } from "../fixtures/organisations";
import { PORT } from "../playwright.config";

/** A day as `<input type="date">` takes it, in the server's time zone, `days` from now. */
function amsterdamDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
}

test("an operator ends a contract and 31 days later the organisation is destroyed with a declaration (DPA 8)", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const name = `Stichting De Overgang ${suffix}`;
  const privacyContact = `privacy.${suffix}@overgang.example`;
  const operator = await signedInPage(browser, OPERATOR.email, "/operator");
  await addOrganisation(operator, {
    name,
    kvkNumber: "12345678",
    privacyContact,
    admin: { name: "Iris Kok", email: `iris.${suffix}@overgang.example` },
  });

  await operator.getByRole("link", { name }).click();
  await expect(operator.getByRole("heading", { level: 1, name })).toBeVisible();
  await waitForHydration(operator);
  const contract = operator.locator("#contract-end");
  await expect(contract).toContainText("Actief");
  await contract.getByLabel("Laatste dag van het contract").fill(amsterdamDay(-1));
  await contract.getByRole("button", { name: "Einde vastleggen" }).click();
  await expect(contract).toContainText("Kies een moment in de toekomst.");

  await contract.getByLabel("Laatste dag van het contract").fill(amsterdamDay(0));
  await contract.getByRole("button", { name: "Einde vastleggen" }).click();
  await expect(contract).toContainText(`Alleen lezen tot ${amsterdamDay(30)}`);
  await expect
    .poll(() => mailsTo(PORT, privacyContact).filter((mail) => mail.includes("eindigt op")).length, { timeout: 15_000 })
    .toBe(1);

  // Day 31: the job destroys the organisation and mails the declaration.
  runJobsAt(PORT, new Date(Date.now() + 31 * 86_400_000), "destructions");
  await operator.reload();
  await expect(contract).toContainText(`Vernietigd op ${amsterdamDay(31)}`);
  await expect(contract).toContainText("Verklaring van vernietiging");
  await expect(contract.locator("#destroyed-rows")).toContainText("user_account");
  const key = (await contract.locator("code").textContent()) ?? "";
  expect(key).toMatch(/^[0-9a-f]{16}$/);

  const declaration = mailsTo(PORT, privacyContact).find((mail) => mail.includes("Verklaring van vernietiging"));
  expect(declaration).toBeDefined();
  expect(declaration).toContain(name);
  expect(declaration).toContain(key);
  expect(declaration).toContain("user_account: 1");

  await operator.goto("/operator");
  await expect(operator.getByRole("row", { name: new RegExp(name) })).toContainText(`Vernietigd op ${amsterdamDay(31)}`);
});
