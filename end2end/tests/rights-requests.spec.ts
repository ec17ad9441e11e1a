import { test, expect } from "../fixtures/app";
import { FEMKE, OPERATOR, signedInPage } from "../fixtures/accounts";
import { mailsTo } from "../fixtures/mail";
import { PORT } from "../playwright.config";

test("a request that reaches the processor is forwarded to the organisation within five working days (DPA 8.C)", async ({ browser }) => {
  const requester = `Bram Visser (${Date.now()}), bram@voorbeeld.example`;
  const operator = await signedInPage(browser, OPERATOR.email, "/operator/rights-requests");
  const form = operator.locator("#record-rights-request");
  await form.getByLabel("Organisatie").selectOption({ label: "Zorggroep De Linde" });
  await form.getByLabel("Soort verzoek").selectOption({ label: "Wissen" });
  await form.getByLabel("Van wie (naam en contactgegevens)").fill(requester);
  await form.getByLabel("Het verzoek").fill("Ik ben uit dienst en wil dat mijn gegevens gewist worden.");
  await form.getByLabel("Ontvangen op").fill("2999-01-01");
  await form.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await expect(form).toContainText("Dit moment moet nog komen");
  await expect(form.getByLabel("Van wie (naam en contactgegevens)")).toHaveValue(requester);

  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
  await form.getByLabel("Ontvangen op").fill(today);
  await form.getByRole("button", { name: "Verzoek vastleggen" }).click();
  const request = operator.locator("#rights-requests > li", { hasText: requester });
  await expect(request).toContainText("Nog door te sturen");
  await request.getByRole("button", { name: "Doorsturen naar de organisatie" }).click();
  await expect(request).toContainText("op tijd");
  await expect(request.getByRole("button", { name: "Doorsturen naar de organisatie" })).toHaveCount(0);

  const admin = await signedInPage(browser, FEMKE.email, "/privacy/rights-requests");
  const forwarded = admin.locator("#rights-requests > li", { hasText: requester });
  await expect(forwarded).toContainText("Wissen");
  await expect(forwarded).toContainText("mijn gegevens gewist worden");
  await expect
    .poll(() => mailsTo(PORT, FEMKE.email).filter((mail) => mail.includes(requester)).length, { timeout: 15_000 })
    .toBe(1);
});
