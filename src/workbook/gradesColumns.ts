/**
 * The other names the Grades sheet takes for its Grade and Cost columns: the workbook contract
 * (inputMapping) and the STDCOST cell function read a table of standard costs alike.
 */
export const GRADE_ALIASES: readonly string[] = ["Level", "UN grade", "Post grade"];
export const COST_ALIASES: readonly string[] = [
  "Annual cost",
  "Standard cost",
  "Standard salary cost",
  "Salary cost",
  "Annual standard cost",
];
