import { Workbook } from "exceljs";

/**
 * The small budget whose RESULT.json docs/result-json.md shows: two instruments, a communications
 * unit shared by Parties, an administration unit that supports it, two years with escalation, and
 * AEWA's scale of contributions over four Parties (illustrative UN rates).
 */
export async function exampleWorkbook(): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = (name: string, rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  };
  sheet("Settings", [
    ["Key", "Value"],
    ["Currency", "EUR"],
    ["FirstYear", 2025],
    ["Years", 2],
    ["Escalation", 0.02],
    ["PSC", 0.13],
    ["Rounding", 1],
  ]);
  sheet("Instruments", [
    ["Code", "Name", "Type", "Parties"],
    ["CMS", "Convention on Migratory Species", "Convention", 133],
    ["AEWA", "African-Eurasian Waterbird Agreement", "Agreement", 85],
  ]);
  sheet("Grades", [
    ["Grade", "Cost"],
    ["P4", 140000],
    ["G5", 90000],
  ]);
  sheet("Posts", [
    ["PostId", "Title", "Grade", "Unit", "FTE", "Cost", "FundedBy"],
    ["CO-01", "Communications Officer", "P4", "Communications", 1, "", "CMS"],
    ["AD-01", "Administrative Assistant", "G5", "Administration", 0.5, "", "AEWA"],
  ]);
  sheet("Budget", [
    ["Item", "Unit", "Category", "Amount"],
    ["Website", "Communications", "Operational", 12000],
  ]);
  sheet("Rules", [
    ["Unit", "Method", "Basis"],
    ["Communications", "driver", "Parties"],
  ]);
  sheet("Support", [
    ["Provider", "Receiver", "Share"],
    ["Administration", "Communications", 1],
  ]);
  sheet("Baseline", [
    ["Instrument", "Item", "Category", "Grade", "FTE", "Cost"],
    ["CMS", "Information officer", "Staff", "P4", 1, ""],
    ["AEWA", "Communications assistant", "Staff", "G5", 1, ""],
    ["AEWA", "Website", "Operational", "", "", 8000],
  ]);
  sheet("Parties", [
    ["Party", "Instrument", "UNScale", "Fixed"],
    ["European Union", "AEWA", "", 0.025],
    ["Germany", "AEWA", 6, ""],
    ["France", "AEWA", 4, ""],
    ["Senegal", "AEWA", 0.005, ""],
    ["Ghana", "AEWA", 0.025, ""],
  ]);
  sheet("Scales", [
    ["Instrument", "Amount", "Threshold", "Floor", "Ceiling"],
    ["AEWA", "", "", 10000, 0.4],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
