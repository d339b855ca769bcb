import {
  Dropdown,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { Allocation } from "../../engine/result";
import { formatAmount } from "../formatAmount";
import { periodLabel, previewModel, type PreviewSlice } from "../previewModel";

/** Props of the Preview step. */
export interface PreviewStepProps {
  allocation: Allocation;
  /** True on a dark or high-contrast theme (the chart's palette follows it). */
  dark?: boolean;
}

// The chart library is large; it loads only when the Preview step is first shown.
const SharesChart = lazy(() => import("../SharesChart").then((m) => ({ default: m.SharesChart })));

const useStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    marginBlock: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // Wide tables keep their columns readable and scroll sideways inside their region.
  wide: { width: "max-content", minWidth: "100%", tableLayout: "auto" },
  unit: { minWidth: "140px" },
  total: { fontWeight: tokens.fontWeightSemibold },
  section: { marginTop: tokens.spacingVerticalL },
});

/** Step 4: each instrument's shares per unit and in total, direct and with PSC, with a chart. */
export function PreviewStep({ allocation, dark }: PreviewStepProps) {
  const styles = useStyles();
  const [slice, setSlice] = useState<PreviewSlice>("period");
  const view = previewModel(allocation, slice);
  const r = allocation.settings.rounding;
  const cur = allocation.settings.currency;
  const fmt = (v: number) => formatAmount(v, r);
  const sliceLabel = (s: PreviewSlice) =>
    s === "period" ? `Whole period ${periodLabel(allocation.years)}` : String(allocation.years[s]);
  return (
    <div>
      <Dropdown
        aria-label="Period shown"
        value={sliceLabel(slice)}
        selectedOptions={[String(slice)]}
        onOptionSelect={(_, d) => setSlice(d.optionValue === "period" ? "period" : Number(d.optionValue))}
      >
        <Option value="period">{sliceLabel("period")}</Option>
        {allocation.years.map((y, i) => (
          <Option key={y} value={String(i)}>
            {String(y)}
          </Option>
        ))}
      </Dropdown>

      <section className={styles.section} aria-labelledby="preview-totals">
        <Text as="h2" id="preview-totals" weight="semibold" size={400}>
          What each instrument pays, {view.label} ({cur})
        </Text>
        <div className={styles.scroll} tabIndex={0} role="region" aria-label="Totals by instrument">
          <Table size="extra-small" aria-label={`Totals by instrument, ${view.label}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Instrument</TableHeaderCell>
                <TableHeaderCell className={styles.num}>Direct</TableHeaderCell>
                <TableHeaderCell className={styles.num}>PSC</TableHeaderCell>
                <TableHeaderCell className={styles.num}>With PSC</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.instruments.map((code, i) => (
                <TableRow key={code}>
                  <TableCell>{code}</TableCell>
                  <TableCell className={styles.num}>{fmt(view.direct[i])}</TableCell>
                  <TableCell className={styles.num}>{fmt(view.psc[i])}</TableCell>
                  <TableCell className={styles.num}>{fmt(view.total[i])}</TableCell>
                </TableRow>
              ))}
              <TableRow className={styles.total}>
                <TableCell>Total</TableCell>
                <TableCell className={styles.num} data-testid="grand-direct">
                  {fmt(view.grand.direct)}
                </TableCell>
                <TableCell className={styles.num}>{fmt(view.grand.psc)}</TableCell>
                <TableCell className={styles.num} data-testid="grand-total">
                  {fmt(view.grand.total)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="preview-chart">
        <Text as="h2" id="preview-chart" weight="semibold" size={400}>
          Direct shares by unit, {view.label}
        </Text>
        <Suspense fallback={<Spinner size="small" label="Loading the chart…" />}>
          <SharesChart view={view} dark={dark} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="preview-units">
        <Text as="h2" id="preview-units" weight="semibold" size={400}>
          Shares by unit, {view.label} ({cur}, direct)
        </Text>
        <div
          className={styles.scroll}
          tabIndex={0}
          role="region"
          aria-label="Shares by unit (scrolls sideways)"
        >
          <Table size="extra-small" className={styles.wide} aria-label={`Shares by unit, ${view.label}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.unit}>Unit</TableHeaderCell>
                {view.instruments.map((code) => (
                  <TableHeaderCell key={code} className={styles.num}>
                    {code}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell className={styles.num}>Total</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...view.rows, ...view.supportRows].map((row) => (
                <TableRow key={row.unit}>
                  <TableCell className={styles.unit}>
                    {row.unit}
                    {row.support ? " (support, passed on above)" : ""}
                  </TableCell>
                  {row.shares.map((v, i) => (
                    <TableCell key={view.instruments[i]} className={styles.num}>
                      {fmt(v)}
                    </TableCell>
                  ))}
                  <TableCell className={styles.num}>{fmt(row.total)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      {view.savings.length > 0 && (
        <section className={styles.section} aria-labelledby="preview-savings">
          <Text as="h2" id="preview-savings" weight="semibold" size={400}>
            Savings against standing alone, {periodLabel(allocation.years)} ({cur})
          </Text>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label="Savings">
            <Table size="extra-small" aria-label="Savings by instrument">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Instrument</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Alone</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Shared</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Saved</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.savings.map((s) => (
                  <TableRow key={s.code}>
                    <TableCell>{s.code}</TableCell>
                    <TableCell className={styles.num}>{fmt(s.baseline)}</TableCell>
                    <TableCell className={styles.num}>{fmt(s.shared)}</TableCell>
                    <TableCell className={styles.num}>{fmt(s.savings)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      {view.settlement.length > 0 && (
        <section className={styles.section} aria-labelledby="preview-settlement">
          <Text as="h2" id="preview-settlement" weight="semibold" size={400}>
            Settlement: share against posts funded, {periodLabel(allocation.years)} ({cur})
          </Text>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label="Settlement">
            <Table size="extra-small" className={styles.wide} aria-label="Settlement by instrument">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Instrument</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Share</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Funds</TableHeaderCell>
                  <TableHeaderCell className={styles.num}>Owes (+) / owed (−)</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.settlement.map((s) => (
                  <TableRow key={s.code}>
                    <TableCell>{s.code}</TableCell>
                    <TableCell className={styles.num}>{fmt(s.share)}</TableCell>
                    <TableCell className={styles.num}>{fmt(s.funded)}</TableCell>
                    <TableCell className={styles.num}>{fmt(s.balance)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}
    </div>
  );
}
