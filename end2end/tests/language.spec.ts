import { test, expect, waitForHydration } from "../fixtures/app";

test.describe("choosing the language", () => {
  test("switches at once and is remembered", async ({ page, context }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("Taal").selectOption({ label: "English" });
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "koers_lang")).toMatchObject({ value: "en", httpOnly: true, sameSite: "Lax" });

    const another = await context.newPage();
    await another.goto("/login");
    await expect(another.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    // The switch submits by itself once the reloaded page is interactive again.
    await waitForHydration(page);
    await page.getByLabel("Language").selectOption({ label: "Nederlands" });
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  });

  test("returns to the page it was chosen on", async ({ page }) => {
    await page.goto("/bestaat-niet");
    await waitForHydration(page);
    await page.getByLabel("Taal").selectOption({ label: "English" });
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/bestaat-niet");
  });

  test.describe("in an English browser", () => {
    test.use({ locale: "en-GB" });

    test("starts in English without any choice", async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    });
  });

  test.describe("in a browser asking for neither language", () => {
    test.use({ locale: "de-DE" });

    test("starts in Dutch", async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("works with the form's button", async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Taal").selectOption({ label: "English" });
      await page.getByRole("button", { name: "Taal wijzigen" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Change language" })).toBeVisible();
    });
  });
});
