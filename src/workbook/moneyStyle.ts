/** How money is shown for a Rounding setting: its number format and the decimals a check rounds to. */
export interface MoneyStyle {
  /** "#,##0" for whole units (or coarser), "#,##0.00" for cents, "#,##0.0" for tenths. */
  fmt: string;
  /** Decimals of the rounding unit (0 for 1 or 1000, 2 for 0.01). */
  decimals: number;
}

/** The number format and check precision of money for a Rounding setting. */
export function moneyStyle(rounding: number): MoneyStyle {
  let decimals = 0;
  while (
    decimals < 10 &&
    Math.abs(Math.round(rounding * 10 ** decimals) - rounding * 10 ** decimals) > 1e-9
  ) {
    decimals++;
  }
  return { fmt: decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`, decimals };
}
