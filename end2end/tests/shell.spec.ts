import { test, expect, waitForHydration } from "../fixtures/app";

test.describe("the app shell, hydrated", () => {
  test("shows header, navigation, content and footer in Dutch", async ({ page, consoleErrors }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Welkom bij Koers" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText(/Koers versie \d+\.\d+\.\d+/);
    await expect(page).toHaveTitle("Inloggen · Koers");
    expect(consoleErrors).toEqual([]);
  });

  test("lets keyboard users skip to the content", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Direct naar de inhoud" });
    await expect(skip).toBeFocused();
    await skip.press("Enter");
    await expect(page.locator("#content")).toBeFocused();
  });

  test("shows a translated page for an unknown address", async ({ page }) => {
    const response = await page.goto("/geen/pagina");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
    await page.getByRole("link", { name: "Naar de startpagina" }).click();
    // The start page needs a session, so a visitor lands on the sign-in form.
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  });

  test("fits a phone screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/login");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toBeVisible();
  });
});

test.describe("the app shell without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("renders the same page from the server", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("Koers versie");
    // Without the client, the language form keeps its button.
    await expect(page.getByRole("button", { name: "Taal wijzigen" })).toBeVisible();
  });
});
