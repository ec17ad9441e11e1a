// Documents on a goal (issue 10): an employee uploads a PDF and an image,
// her manager views and downloads them, a colleague sees them without
// changing them, an employee of another team cannot reach them, a
// program renamed to .pdf is refused with a clear message, an upload can
// be cancelled, and a document is deleted after confirming. And a
// person's own documents, for them and their manager only.
import { readFile } from "node:fs/promises";
import { test, expect, expectNoSidewaysScroll, waitForHydration } from "../fixtures/app";
import { SANNE, signedInPage } from "../fixtures/accounts";
import type { Page } from "@playwright/test";

const AHMED = "ahmed.elamrani@delinde.example"; // manages Wijkteam Noord, with Sanne
const JOYCE = "joyce.kramer@delinde.example"; // manages Wijkteam Zuid
const LAURA = "laura.brouwer@delinde.example"; // in Wijkteam Zuid
const TIM = "tim.schouten@delinde.example"; // her colleague there
const KEVIN = "kevin.meijer@delinde.example"; // in Wijkteam Noord

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
// A red pixel.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);
const PROGRAM = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.from("This program cannot be run in DOS mode.")]);

function documents(page: Page) {
  return page.getByRole("region", { name: "Documenten" });
}

test("documents on a goal follow who may see and change the goal", async ({ browser }) => {
  test.slow();
  const title = `Certificaten ${Date.now().toString(36)}`;

  const laura = await signedInPage(browser, LAURA, "/goals/new");
  await laura.getByLabel("Titel").fill(title);
  await laura.getByLabel("Wie het ziet").selectOption({ label: "Mijn team" });
  await laura.getByRole("button", { name: "Doel opslaan" }).click();
  await expect(laura.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForHydration(laura);
  const goalUrl = laura.url();

  // Two files at once, each sent on its own, then listed.
  const section = documents(laura);
  await section.getByLabel("Bestanden kiezen").setInputFiles([
    { name: "opleidingsplan.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "diploma.png", mimeType: "image/png", buffer: PNG },
  ]);
  const table = section.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "opleidingsplan.pdf" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "diploma.png" })).toBeVisible();
  await expect(table.getByRole("row", { name: /diploma\.png/ })).toContainText("Laura Brouwer");

  // A program dressed up as a PDF is refused by its content, with the reason.
  await section.getByLabel("Bestanden kiezen").setInputFiles({ name: "factuur.pdf", mimeType: "application/pdf", buffer: PROGRAM });
  await expect(section.getByText("factuur.pdf is niet geüpload:")).toBeVisible();
  await expect(section.getByRole("alert")).toContainText("Het bestand wordt herkend aan de inhoud, niet aan de naam.");
  await expect(table.getByRole("rowheader", { name: "factuur.pdf" })).toHaveCount(0);
  await section.getByRole("button", { name: "Sluiten" }).click();

  // An upload still on its way can be cancelled: nothing is added.
  await laura.route("**/documents/on/**", () => {});
  await section.getByLabel("Bestanden kiezen").setInputFiles({ name: "half.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(section.getByRole("progressbar", { name: "half.pdf wordt geüpload" })).toBeVisible();
  await section.getByRole("button", { name: "Upload annuleren" }).click();
  await expect(section.getByRole("progressbar")).toHaveCount(0);
  await laura.unroute("**/documents/on/**");

  // Her manager views the image and the PDF in the browser, and downloads the PDF.
  const joyce = await signedInPage(browser, JOYCE, goalUrl);
  const joyceTable = documents(joyce).getByRole("table");
  const imageRow = joyceTable.getByRole("row", { name: /diploma\.png/ });
  const [viewer] = await Promise.all([joyce.waitForEvent("popup"), imageRow.getByRole("link", { name: "Bekijken" }).click()]);
  await expect(viewer).toHaveURL(/\/documents\/[0-9a-f-]+\?view=inline$/);
  const image = await joyce.request.get(viewer.url());
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["content-security-policy"]).toContain("sandbox");
  expect(Buffer.from(await image.body())).toEqual(PNG);
  const pdfRow = joyceTable.getByRole("row", { name: /opleidingsplan\.pdf/ });
  const viewAddress = await pdfRow.getByRole("link", { name: "Bekijken" }).getAttribute("href");
  const shown = await joyce.request.get(viewAddress!);
  expect(shown.headers()["content-type"]).toBe("application/pdf");
  expect(shown.headers()["content-disposition"]).toMatch(/^inline; filename="opleidingsplan.pdf"/);
  expect(Buffer.from(await shown.body())).toEqual(PDF);
  const [download] = await Promise.all([joyce.waitForEvent("download"), pdfRow.getByRole("link", { name: "Downloaden" }).click()]);
  expect(download.suggestedFilename()).toBe("opleidingsplan.pdf");
  expect(await readFile((await download.path())!)).toEqual(PDF);

  // A colleague who sees the goal sees its documents, without changing them.
  const tim = await signedInPage(browser, TIM, goalUrl);
  await expect(documents(tim).getByRole("rowheader", { name: "diploma.png" })).toBeVisible();
  await expect(documents(tim).getByLabel("Bestanden kiezen")).toHaveCount(0);
  await expect(documents(tim).getByRole("button", { name: "Verwijderen" })).toHaveCount(0);

  // An employee of another team reaches neither the goal nor its files.
  const kevin = await signedInPage(browser, KEVIN, goalUrl);
  await expect(kevin.getByRole("alert")).toBeVisible();
  await expect(documents(kevin)).toHaveCount(0);
  const refused = await kevin.request.get(viewAddress!);
  expect(refused.status()).toBe(404);

  // Deleting asks first; once confirmed the document is gone.
  const imageOfLaura = table.getByRole("row", { name: /diploma\.png/ });
  await imageOfLaura.getByRole("button", { name: "Verwijderen" }).click();
  await expect(imageOfLaura.getByText("“diploma.png” verwijderen? Dit kan niet ongedaan worden gemaakt.")).toBeVisible();
  await imageOfLaura.getByRole("button", { name: "Bewaren" }).click();
  await imageOfLaura.getByRole("button", { name: "Verwijderen" }).click();
  await imageOfLaura.getByRole("button", { name: "Ja, verwijderen" }).click();
  await expect(table.getByRole("rowheader", { name: "diploma.png" })).toHaveCount(0);
  await expect(table.getByRole("rowheader", { name: "opleidingsplan.pdf" })).toBeVisible();
});

test("a person's own documents are theirs and their manager's", async ({ browser }) => {
  const name = `certificaat-${Date.now().toString(36)}.pdf`;

  // Sanne keeps a certificate on her own page, reached from her account.
  const sanne = await signedInPage(browser, SANNE.email, "/account");
  await sanne.getByRole("link", { name: "Mijn documenten" }).click();
  await expect(sanne.getByRole("heading", { level: 1, name: `Documenten van ${SANNE.name}` })).toBeVisible();
  await waitForHydration(sanne);
  await documents(sanne).getByLabel("Bestanden kiezen").setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
  await expect(documents(sanne).getByRole("rowheader", { name })).toBeVisible();
  // The demo's certificate from Ahmed is there too.
  await expect(documents(sanne).getByRole("row", { name: /BHV-certificaat\.pdf/ })).toContainText("Ahmed El Amrani");

  // A file dragged onto the drop zone goes up as well.
  const dropped = await sanne.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "pasfoto.png", { type: "image/png" }));
    return transfer;
  }, [...PNG]);
  await sanne.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(documents(sanne).getByRole("rowheader", { name: "pasfoto.png" })).toBeVisible();
  await sanne.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(sanne);

  // Her manager finds it from his team page; a colleague elsewhere does not.
  const ahmed = await signedInPage(browser, AHMED, "/team");
  await ahmed.getByRole("row", { name: new RegExp(SANNE.name) }).getByRole("link", { name: "Documenten" }).click();
  await expect(documents(ahmed).getByRole("rowheader", { name })).toBeVisible();
  const sannesPage = ahmed.url();
  const laura = await signedInPage(browser, LAURA, sannesPage);
  await expect(laura.getByRole("alert")).toBeVisible();
  await expect(documents(laura)).toHaveCount(0);
});
