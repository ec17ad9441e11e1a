import { test, expect, waitForHydration } from "../fixtures/app";
import { signIn } from "../fixtures/accounts";

// Ahmed's sessions are ended here; no other test signs in as him.
const AHMED = { email: "ahmed.elamrani@delinde.example", name: "Ahmed El Amrani" };

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
