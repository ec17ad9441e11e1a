import { chromium } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, waitForHydration } from "../fixtures/app";
import { OwnServer } from "../fixtures/server";
import { chromiumLaunchOptions } from "../playwright.config";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe("installing Koers as an app", () => {
  test("the manifest names the app, its start and its icons", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest", { headers: { "Accept-Language": "en" } });
    expect(response.headers()["content-type"]).toBe("application/manifest+json");
    const manifest = await response.json();
    expect(manifest).toMatchObject({ name: "Koers", short_name: "Koers", start_url: "/", display: "standalone", lang: "en" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);

    const png = manifest.icons.filter((icon: { type: string }) => icon.type === "image/png");
    const expected = [
      { sizes: "192x192", purpose: "any" },
      { sizes: "512x512", purpose: "any" },
      { sizes: "512x512", purpose: "maskable" },
    ];
    expect(png.map(({ sizes, purpose }: { sizes: string; purpose: string }) => ({ sizes, purpose }))).toEqual(expected);
    for (const icon of png) {
      const file = await request.get(icon.src);
      expect(file.ok()).toBe(true);
      const { width, height } = pngSize(await file.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });

  test("Chromium finds nothing that prevents installation", async ({ baseURL }) => {
    // A browser profile on disk: Chromium never installs from incognito,
    // which is what Playwright's usual contexts are.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "koers-profile-"));
    const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, baseURL, headless: true });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      await waitForHydration(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors).toEqual([]);
      const { url, errors } = await cdp.send("Page.getAppManifest");
      expect(url).toMatch(/\/manifest\.webmanifest$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  test("the service worker never keeps pages or server answers", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
      }
      return urls;
    });
    expect(cached).toContain("/offline");
    expect(cached.some((path) => path.startsWith("/pkg/"))).toBe(true);
    for (const path of cached) {
      expect(path === "/offline" || path.startsWith("/pkg/") || path.startsWith("/icons/") || path === "/manifest.webmanifest").toBe(true);
    }
  });
});

test.describe("when the server is down", () => {
  test("shows the offline page in the user's language", async ({ browser }) => {
    const server = await OwnServer.start(3138);
    const context = await browser.newContext({ baseURL: server.url, locale: "en-GB" });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await waitForHydration(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      // The page that registered the worker is controlled from its next load on.
      await page.reload();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await expect.poll(() => page.evaluate(async () => (await caches.match("/offline")) !== undefined)).toBe(true);

      await server.stop();
      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
    } finally {
      await context.close();
      await server.stop().catch(() => undefined);
    }
  });
});
