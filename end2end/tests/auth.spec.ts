import { test, expect, waitForHydration } from "../fixtures/app";
import { OPERATOR, SANNE, expectSignedInAs, signIn } from "../fixtures/accounts";

test.describe("signing in, hydrated", () => {
  test("a member signs in, sees the start page, and signs out", async ({ page, consoleErrors }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await signIn(page, SANNE.email);
    await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${SANNE.name}` })).toBeVisible();
    await expect(page.getByText("Zorggroep De Linde")).toBeVisible();
    await expectSignedInAs(page, SANNE.name);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?next=\/$/);
    expect(consoleErrors).toEqual([]);
  });

  test("a page that needs a session sends you to sign in and back", async ({ page }) => {
    await page.goto("/operator");
    await expect(page).toHaveURL(/\/login\?next=\/operator$/);
    await waitForHydration(page);
    await signIn(page, OPERATOR.email);
    await expect(page).toHaveURL(/\/operator$/);
    await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Zorggroep De Linde" })).toBeVisible();
  });

  test("a wrong password shows a translated error and keeps you out", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await signIn(page, SANNE.email, "helemaal-verkeerd");
    await expect(page.getByRole("alert")).toHaveText("Deze inlognaam en dit wachtwoord horen niet bij een actief account.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await signIn(page, SANNE.email);
    await expectSignedInAs(page, SANNE.name);
    const session = (await context.cookies()).find((c) => c.name === "koers_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("koers_session");
  });
});

test.describe("signing in without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("works with the plain form, errors included", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, SANNE.email, "helemaal-verkeerd");
    await expect(page.getByRole("alert")).toHaveText("Deze inlognaam en dit wachtwoord horen niet bij een actief account.");
    await signIn(page, SANNE.email);
    await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${SANNE.name}` })).toBeVisible();
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  });
});
