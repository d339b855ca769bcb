import { makeStyles, tokens } from "@fluentui/react-components";

/** Props of the bar chart. */
export interface ShareBarsProps {
  /** What the chart shows, also the start of its text alternative. */
  label: string;
  items: { label: string; value: number }[];
  total: number;
}

const useStyles = makeStyles({
  chart: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  track: {
    height: "10px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  bar: {
    height: "100%",
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  pct: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
});

/**
 * Each instrument's part as a horizontal bar, one row each, so every instrument stays labelled at
 * 350 px. One tab stop: a screen reader reads the whole chart from its text alternative.
 */
export function ShareBars({ label, items, total }: ShareBarsProps) {
  const styles = useStyles();
  const pct = (v: number) => (total === 0 ? 0 : (v / total) * 100);
  const alt = `${label}: ${items.map((i) => `${i.label} ${pct(i.value).toFixed(1)}%`).join(", ")}.`;
  return (
    <div className={styles.chart} role="img" aria-label={alt} tabIndex={0}>
      {items.map((i) => (
        <div key={i.label} style={{ display: "contents" }} aria-hidden>
          <span>{i.label}</span>
          <div className={styles.track}>
            <div className={styles.bar} style={{ width: `${Math.max(0, Math.min(100, pct(i.value)))}%` }} />
          </div>
          <span className={styles.pct}>{pct(i.value).toFixed(1)}%</span>
        </div>
      ))}
    </div>
  );
}
