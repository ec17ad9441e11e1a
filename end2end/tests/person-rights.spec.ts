import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, signedInPage } from "../fixtures/accounts";

// Dewi takes part in no other test: her account can be frozen here.
test("an admin corrects a person's data, restricts its processing and lifts it again (GDPR art. 16, 18)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/admin/people?q=Dewi");
  await admin.getByRole("link", { name: "Dewi Sutanto" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Dewi Sutanto" })).toBeVisible();
  await waitForHydration(admin);
  const rectify = admin.locator("#rectify");
  await rectify.getByLabel("Mobiel nummer").fill("06 1234 5678");
  await rectify.getByLabel("E-mailadres").fill("geen adres");
  await rectify.getByLabel("Geboortejaar").fill("1890");
  await rectify.getByRole("button", { name: "Correctie opslaan" }).click();
  await expect(rectify).toContainText("e-mailadres");
  await expect(rectify).toContainText("Vul een geboortejaar in van");
  await expect(rectify.getByLabel("Mobiel nummer")).toHaveValue("06 1234 5678");
  await rectify.getByLabel("E-mailadres").fill("dewi.sutanto@delinde.example");
  // Start date and year of birth give survey results their tenure and age bands.
  await rectify.getByLabel("Datum in dienst").fill("2021-09-01");
  await rectify.getByLabel("Geboortejaar").fill("1966");
  await rectify.getByRole("button", { name: "Correctie opslaan" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "De correctie is opgeslagen." })).toBeVisible();
  await admin.reload();
  await expect(admin.locator("#rectify").getByLabel("Mobiel nummer")).toHaveValue("+31612345678");
  await expect(admin.locator("#rectify").getByLabel("Datum in dienst")).toHaveValue("2021-09-01");
  await expect(admin.locator("#rectify").getByLabel("Geboortejaar")).toHaveValue("1966");
  await waitForHydration(admin);

  const restriction = admin.locator("#restriction");
  await restriction.getByRole("button", { name: "Verwerking beperken" }).click();
  await expect(restriction).toContainText("De verwerking van de gegevens van deze persoon is beperkt.");
  await expect(admin.locator("main dl.facts").first()).toContainText("Verwerking beperkt");

  await admin.goto("/admin/people?q=Dewi");
  await expect(admin.getByRole("row", { name: /Dewi Sutanto/ })).toContainText("Verwerking beperkt");
  await expect(admin.getByRole("row", { name: /Dewi Sutanto/ }).getByRole("button", { name: /Heractiveren/ })).toHaveCount(0);

  await admin.getByRole("link", { name: "Dewi Sutanto" }).click();
  await admin.locator("#restriction").getByRole("button", { name: "Beperking opheffen" }).click();
  await expect(admin.locator("#restriction").getByRole("button", { name: "Verwerking beperken" })).toBeVisible();
  await expect(admin.locator("main dl.facts").first()).toContainText("Actief");

  await admin.goto("/privacy/audit-log");
  await expect(admin.locator("main")).toContainText("Verwerking van iemands gegevens beperkt");
  await expect(admin.locator("main")).toContainText("Beperking van de verwerking opgeheven");
  await expect(admin.locator("main")).toContainText("Gegevens van iemand gecorrigeerd");
});

async function downloaded(page: Page, link: Locator): Promise<string> {
  const download = page.waitForEvent("download");
  await link.click();
  return fs.readFileSync(await (await download).path(), "utf8");
}

// Yara takes part in no other test: she can be erased here.
test("an admin exports a person's data, restricts processing and erases them (GDPR art. 15, 17, 18, 20)", async ({ browser }) => {
  const admin = await signedInPage(browser, FEMKE.email, "/admin/people?q=Yara");
  await admin.getByRole("link", { name: "Yara Lont" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Yara Lont" })).toBeVisible();
  await waitForHydration(admin);

  const data = admin.locator("#personal-data");
  const report = await downloaded(admin, data.getByRole("link", { name: "Inzagerapport (leesbare pagina)" }));
  expect(report).toContain("<h1>Persoonsgegevens van Yara Lont</h1>");
  expect(report).toContain("Nakijken voordat u dit overhandigt");
  const access = JSON.parse(await downloaded(admin, data.getByRole("link", { name: "Inzagerapport (JSON)" })));
  expect(access.kind).toBe("subject_access");
  const profile = access.sections.find((section: { name: string }) => section.name === "profile");
  expect(profile.rows[0].email).toBe("yara.lont@delinde.example");
  const portable = JSON.parse(await downloaded(admin, data.getByRole("link", { name: "Export voor overdraagbaarheid (JSON)" })));
  expect(portable.kind).toBe("portability");
  expect(portable.person.name).toBe("Yara Lont");

  const restriction = admin.locator("#restriction");
  await restriction.getByRole("button", { name: "Verwerking beperken" }).click();
  await expect(restriction).toContainText("De verwerking van de gegevens van deze persoon is beperkt.");

  const erase = admin.locator("#erase");
  await erase.getByLabel("Typ Yara Lont om te bevestigen").fill("Yara");
  await erase.getByRole("button", { name: "Definitief wissen" }).click();
  await expect(erase).toContainText("Typ de naam precies zoals getoond om te bevestigen.");
  await erase.getByLabel("Typ Yara Lont om te bevestigen").fill("Yara Lont");
  await erase.getByRole("button", { name: "Definitief wissen" }).click();
  await expect(admin.getByRole("heading", { name: "Yara Lont is gewist" })).toBeVisible();
  await expect(admin.getByRole("status")).toContainText("er staat geen spoor meer van hun naam, e-mailadres, gebruikersnaam of mobiele nummer in de database");

  await admin.goto("/admin/people?q=Yara");
  await expect(admin.getByRole("link", { name: "Yara Lont" })).toHaveCount(0);
  await admin.goto("/privacy/audit-log");
  await expect(admin.locator("main")).toContainText("Persoon gewist");
  await expect(admin.locator("main")).toContainText("Persoonsgegevens geëxporteerd (inzageverzoek)");
  await expect(admin.locator("main")).toContainText("Persoonsgegevens geëxporteerd (overdraagbaarheid)");
});
