import ExcelJS from "exceljs";
import { test, expect, waitForHydration } from "../fixtures/app";
import { FEMKE, SANNE, signIn } from "../fixtures/accounts";
import { linkInMail } from "../fixtures/mail";
import { PORT } from "../playwright.config";

/** An XLSX workbook with a header row and one row per person. */
async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Medewerkers");
  sheet.addRow(["naam", "e-mail", "functie", "eenheid", "leidinggevende van eenheid", "taal"]);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("an admin imports 200 people into a three-level structure; one bad row stops it until fixed", async ({ browser }) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const [top, department] = [`Thuiszorg ${suffix}`, `Regio West ${suffix}`];
  const [teamA, teamB] = [`Team Duin ${suffix}`, `Team Polder ${suffix}`];
  const person = (n: number) => ({ name: `Collega ${n} ${suffix}`, email: `collega.${n}.${suffix}@delinde.example` });
  // Team Duin: its manager and 9 more; Team Polder: its manager and 189 more.
  const rows = (badEmail: boolean) =>
    Array.from({ length: 200 }, (_, i) => {
      const { name, email } = person(i + 1);
      const team = i < 10 ? teamA : teamB;
      const manages = i === 0 || i === 10 ? "ja" : "nee";
      const address = badEmail && i === 56 ? "geen-adres" : email;
      return [name, address, "Wijkverpleegkundige", `${top} > ${department} > ${team}`, manages, "nl"];
    });

  const adminContext = await browser.newContext({ locale: "nl-NL" });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/structure");
  await waitForHydration(admin);
  await signIn(admin, FEMKE.email);
  await waitForHydration(admin);
  // Three levels by hand; the file adds a second team beside the first.
  const addUnit = async (name: string, parent?: string) => {
    const form = admin.getByRole("region", { name: "Eenheid toevoegen" });
    await form.getByLabel("Naam").fill(name);
    if (parent) await form.getByLabel("Onderdeel van").selectOption({ label: parent });
    await form.getByRole("button", { name: "Eenheid toevoegen" }).click();
    await expect(admin.getByRole("link", { name, exact: true })).toBeVisible();
  };
  await addUnit(top);
  await addUnit(department, top);
  // Options of deeper units are indented with em spaces.
  await addUnit(teamA, `\u2003${department}`);

  await admin.goto("/admin/people");
  await admin.getByRole("link", { name: "Importeren" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Mensen importeren" })).toBeVisible();
  await waitForHydration(admin);
  const file = admin.getByLabel("Te importeren bestand (CSV of XLSX)");

  // Row 58 of the sheet (the 57th person) has no valid address: named, nothing imported.
  await file.setInputFiles({ name: "medewerkers.xlsx", mimeType: "application/octet-stream", buffer: await workbook(rows(true)) });
  const problems = admin.getByRole("table", { name: "Fouten in het bestand" });
  await expect(problems.getByRole("row")).toHaveCount(2);
  await expect(problems.getByRole("row").nth(1)).toHaveText(/58\s*E-mailadres\s*Vul een e-mailadres in zoals naam@voorbeeld\.nl\./);
  await expect(admin.getByText("Het bestand bevat 1 fouten.", { exact: false })).toBeVisible();
  await expect(admin.getByRole("button", { name: /mensen importeren/ })).toHaveCount(0);

  // Corrected: all 200 are imported in one go, with the two teams below the department.
  await file.setInputFiles({ name: "medewerkers.xlsx", mimeType: "application/octet-stream", buffer: await workbook(rows(false)) });
  await expect(admin.getByText("200 nieuwe mensen, 0 mensen gewijzigd, 0 ongewijzigd.")).toBeVisible();
  await expect(admin.getByText(`Nieuwe eenheden: ${top} > ${department} > ${teamB}`, { exact: true })).toBeVisible();
  await admin.getByRole("button", { name: "200 mensen importeren" }).click();
  await expect(admin.getByText(/Import voltooid: 200 mensen toegevoegd/)).toBeVisible({ timeout: 60_000 });

  // The same file again changes nothing.
  await file.setInputFiles({ name: "medewerkers.xlsx", mimeType: "application/octet-stream", buffer: await workbook(rows(false)) });
  await expect(admin.getByText("0 nieuwe mensen, 0 mensen gewijzigd, 200 ongewijzigd.")).toBeVisible();
  await expect(admin.getByText("Alles in dit bestand is al zo: er valt niets te importeren.")).toBeVisible();

  await admin.goto(`/admin/people?q=${suffix}`);
  await expect(admin.getByText("Aantal mensen: 200")).toBeVisible();

  // The manager of Team Duin joins through their invitation and sees exactly their team.
  const manager = person(1);
  const link = await linkInMail(PORT, manager.email, /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+/);
  const managerContext = await browser.newContext({ locale: "nl-NL" });
  const managerPage = await managerContext.newPage();
  await managerPage.goto(link);
  await waitForHydration(managerPage);
  await managerPage.getByLabel("Nieuw wachtwoord").fill("blauwe walvis op het duin");
  await managerPage.getByRole("button", { name: "Wachtwoord opslaan en inloggen" }).click();
  await expect(managerPage.getByRole("heading", { level: 1, name: `Welkom, ${manager.name}` })).toBeVisible();
  await managerPage.goto("/team");
  const team = managerPage.getByRole("row");
  await expect(team).toHaveCount(10, { timeout: 15_000 });
  for (const n of [2, 10]) {
    await expect(managerPage.getByRole("row", { name: new RegExp(`Collega ${n} ${suffix}.*${teamA}`) })).toBeVisible();
  }
  await expect(managerPage.getByRole("row", { name: new RegExp(`Collega 11 ${suffix}`) })).toHaveCount(0);

  // An employee finds a colleague from the file in the org chart.
  const employeeContext = await browser.newContext({ locale: "nl-NL" });
  const employee = await employeeContext.newPage();
  await employee.goto("/org");
  await waitForHydration(employee);
  await signIn(employee, SANNE.email);
  await employee.getByRole("searchbox").fill(`collega 150 ${suffix}`);
  await employee.getByRole("button", { name: "Zoeken" }).click();
  const found = employee.getByRole("region", { name: "Mensen" });
  await expect(found.getByRole("listitem")).toHaveCount(1);
  await expect(found.getByRole("listitem")).toContainText(`Collega 150 ${suffix}`);
  await found.getByRole("link", { name: teamB }).click();
  await expect(employee.getByRole("heading", { level: 2, name: teamB })).toBeVisible();

  await adminContext.close();
  await managerContext.close();
  await employeeContext.close();
});
