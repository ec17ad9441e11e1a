import { test, expect, waitForHydration } from "../fixtures/app";
import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";

// Ahmed's sessions and password change here; no other test signs in as him,
// and these tests run one after the other.
const AHMED = { email: "ahmed.elamrani@delinde.example", name: "Ahmed El Amrani" };
test.describe.configure({ mode: "serial" });

test("you see where you are signed in, end another browser, and sign out everywhere", async ({ browser }) => {
  const laptopContext = await browser.newContext({ locale: "nl-NL", userAgent: "Laptop-browser" });
  const phoneContext = await browser.newContext({ locale: "nl-NL", userAgent: "Telefoon-browser" });
  const laptop = await laptopContext.newPage();
  const phone = await phoneContext.newPage();
  for (const page of [phone, laptop]) {
    await page.goto("/login");
    await waitForHydration(page);
    await signIn(page, AHMED.email);
    await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${AHMED.name}` })).toBeVisible();
  }

  await laptop.getByRole("link", { name: `Ingelogd als ${AHMED.name}` }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Je account" })).toBeVisible();
  await expect(laptop.getByRole("row", { name: /Laptop-browser/ })).toContainText("Deze browser");
  await waitForHydration(laptop);
  await laptop.getByRole("button", { name: "Beëindigen Telefoon-browser" }).click();
  await expect(laptop.getByRole("row", { name: /Telefoon-browser/ })).toHaveCount(0);

  await phone.reload();
  await expect(phone).toHaveURL(/\/login\?next=\/$/);

  await laptop.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await laptop.goto("/account");
  await expect(laptop).toHaveURL(/\/login\?next=\/account$/);
  await laptopContext.close();
  await phoneContext.close();
});

test("you change your password with the current one; a wrong one is refused beside its field", async ({ page }) => {
  const changed = "zilveren reiger boven de sloot";
  await page.goto("/account");
  await waitForHydration(page);
  await signIn(page, AHMED.email);
  await expect(page.getByRole("heading", { level: 1, name: "Je account" })).toBeVisible();
  await waitForHydration(page);
  const form = page.getByRole("region", { name: "Wachtwoord" });
  await form.getByLabel("Huidig wachtwoord").fill("niet mijn wachtwoord");
  await form.getByLabel("Nieuw wachtwoord").fill(changed);
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(form.getByText("Dit is niet je huidige wachtwoord.")).toBeVisible();

  await form.getByLabel("Huidig wachtwoord").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("status")).toHaveText("Je wachtwoord is gewijzigd. Je andere browsers zijn uitgelogd.");

  // And back, so the demo password holds for the next run.
  await form.getByLabel("Huidig wachtwoord").fill(changed);
  await form.getByLabel("Nieuw wachtwoord").fill(DEMO_PASSWORD);
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/account/change_password") && r.ok());
  await form.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await saved;
});
