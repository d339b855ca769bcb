import {
  Caption1,
  Dropdown,
  Field,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Allocation } from "../../engine/result";
import { ownSplitPosts } from "../../workbook/annex/ownSplitPosts";
import type { Figure } from "../explainFigure";
import { formatAmount } from "../formatAmount";
import { periodLabel, previewModel, type PreviewSlice } from "../previewModel";
import { ShareBars } from "./ShareBars";
import { PeriodField } from "./PeriodField";
import { FigureButton } from "./FigureButton";

/** Props of the Preview step. */
export interface PreviewStepProps {
  allocation: Allocation;
  /** The slice shown (whole period or one year), kept by the pane across steps. */
  slice: PreviewSlice;
  onSlice: (slice: PreviewSlice) => void;
  /** The service shown instrument by instrument, kept by the pane across steps. */
  unit?: string;
  onUnit: (unit: string) => void;
  /** Opens "why this number" on a figure. */
  onExplain: (figure: Figure, from: HTMLElement) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  narrow: { width: "4.5em" },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  table: { tableLayout: "auto" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A fraction as a percentage with one decimal. */
function pct(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((part / whole) * 100).toFixed(1)}%`;
}

/**
 * Step: what each instrument pays, and why. Totals with percentages and a totals row; the
 * common services with support units shown apart (their costs are already inside the services
 * they serve); one service instrument by instrument; settlement and savings in words. Every
 * figure opens "why this number".
 */
export function PreviewStep({ allocation, slice, onSlice, unit, onUnit, onExplain }: PreviewStepProps) {
  const styles = useStyles();
  const view = previewModel(allocation, slice);
  const r = allocation.settings.rounding;
  const cur = allocation.settings.currency;
  const fmt = (v: number) => formatAmount(v, r);
  const year = slice === "period" ? {} : { year: slice };
  const rate = `${Number((allocation.settings.psc * 100).toFixed(2))}%`;
  const shown = view.rows.find((x) => x.unit === unit) ?? view.rows[0];
  const rule = allocation.rules.find((x) => x.unit === shown?.unit);
  // Under a posts rule every post follows its own split: that is the rule, not an exception to it.
  const ownSplit =
    rule && rule.method !== "posts" ? ownSplitText(ownSplitPosts(allocation, rule.unit)) : undefined;
  const noBaseline = allocation.instruments.filter((c) => !view.savings.some((s) => s.code === c));
  const fig = (figure: Figure, value: number, context: string) => (
    <FigureButton
      value={fmt(value)}
      context={context}
      onExplain={(el) => onExplain({ ...figure, ...year }, el)}
    />
  );

  return (
    <div className={styles.root}>
      <PeriodField years={allocation.years} slice={slice} onSlice={onSlice} />

      <section className={styles.section} aria-labelledby="preview-totals">
        <Text as="h2" id="preview-totals" weight="semibold" size={400}>
          What each instrument pays, {view.label} ({cur})
        </Text>
        <Caption1 as="p" block>
          {allocation.scenario !== undefined && (allocation.scenarios?.length ?? 0) > 1
            ? `Option ${allocation.scenario}, the one written (Compare shows the others). `
            : ""}
          Share: its part of the common services. With PSC: plus programme support costs (PSC) of {rate}.
          Select a figure to see how it was made.
        </Caption1>
        <Table size="extra-small" className={styles.table} aria-label={`Totals by instrument, ${view.label}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Instrument</TableHeaderCell>
              <TableHeaderCell className={styles.num}>Share</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>%</TableHeaderCell>
              <TableHeaderCell className={styles.num}>With PSC</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.instruments.map((code, i) => (
              <TableRow key={code}>
                <TableCell>{code}</TableCell>
                <TableCell className={styles.num}>
                  {fig({ kind: "instrument", code, field: "direct" }, view.direct[i], `${code} share`)}
                </TableCell>
                <TableCell className={styles.num}>{pct(view.direct[i], view.grand.direct)}</TableCell>
                <TableCell className={styles.num}>
                  {fig({ kind: "instrument", code, field: "total" }, view.total[i], `${code} with PSC`)}
                </TableCell>
              </TableRow>
            ))}
            <TableRow className={styles.total}>
              <TableCell>Total</TableCell>
              <TableCell className={styles.num} data-testid="grand-direct">
                {fmt(view.grand.direct)}
              </TableCell>
              <TableCell className={styles.num}>100%</TableCell>
              <TableCell className={styles.num} data-testid="grand-total">
                {fmt(view.grand.total)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <ShareBars
          label={`Share of each instrument, ${view.label}`}
          items={view.instruments.map((code, i) => ({ label: code, value: view.direct[i] }))}
          total={view.grand.direct}
        />
      </section>

      <section className={styles.section} aria-labelledby="preview-units">
        <Text as="h2" id="preview-units" weight="semibold" size={400}>
          What each common service costs, {view.label} ({cur})
        </Text>
        <Table
          size="extra-small"
          className={styles.table}
          aria-label={`Cost by common service, ${view.label}`}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Service</TableHeaderCell>
              <TableHeaderCell className={styles.num}>Cost</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>%</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.rows.map((row) => (
              <TableRow key={row.unit}>
                <TableCell>{row.unit}</TableCell>
                <TableCell className={styles.num}>
                  {fig({ kind: "unit", unit: row.unit }, row.total, `${row.unit} cost`)}
                </TableCell>
                <TableCell className={styles.num}>{pct(row.total, view.grand.direct)}</TableCell>
              </TableRow>
            ))}
            <TableRow className={styles.total}>
              <TableCell>Total</TableCell>
              <TableCell className={styles.num} data-testid="units-total">
                {fmt(view.rows.reduce((s, x) => s + x.total, 0))}
              </TableCell>
              <TableCell className={styles.num}>100%</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        {view.supportRows.length > 0 && (
          <>
            <Text as="h3" weight="semibold">
              Support units (already inside the services above)
            </Text>
            <ul className={styles.list}>
              {view.supportRows.map((row) => {
                const u = allocation.units.find((x) => x.unit === row.unit);
                const served = Object.keys(u?.passedOn ?? {});
                return (
                  <li key={row.unit}>
                    <Text>
                      {row.unit}: {fig({ kind: "unit", unit: row.unit }, row.total, `${row.unit} passed on`)}{" "}
                      spread over {served.length > 0 ? served.join(", ") : "the services it serves"}; not
                      counted again in the total.
                    </Text>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {shown && (
        <section className={styles.section} aria-labelledby="preview-one">
          <Text as="h2" id="preview-one" weight="semibold" size={400}>
            One service, instrument by instrument
          </Text>
          <Field label="Service shown">
            <Dropdown
              value={shown.unit}
              selectedOptions={[shown.unit]}
              onOptionSelect={(_, d) => d.optionValue && onUnit(d.optionValue)}
            >
              {[...view.rows, ...view.supportRows].map((row) => (
                <Option key={row.unit} value={row.unit}>
                  {row.unit}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {rule && <Text as="p">{rule.description}</Text>}
          {ownSplit && <Text as="p">{ownSplit}</Text>}
          <UnitTable
            row={[...view.rows, ...view.supportRows].find((x) => x.unit === shown.unit) ?? shown}
            instruments={view.instruments}
            label={view.label}
            fmt={fmt}
            fig={fig}
          />
        </section>
      )}

      {view.settlement.length > 0 && (
        <section className={styles.section} aria-labelledby="preview-settlement">
          <Text as="h2" id="preview-settlement" weight="semibold" size={400}>
            Who pays in, who is paid back, {periodLabel(allocation.years)} ({cur})
          </Text>
          <Caption1 as="p" block>
            Each instrument&apos;s share of the common services is set against the posts it already funds
            (Funded by, in the Posts sheet); the common pool settles the difference.
          </Caption1>
          <ul className={styles.list} aria-label="Settlement by instrument">
            {view.settlement.map((s) => (
              <li key={s.code}>
                <Text>{settlementWords(s, fmt)}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-labelledby="preview-savings">
        <Text as="h2" id="preview-savings" weight="semibold" size={400}>
          Savings against standing alone, {periodLabel(allocation.years)} ({cur})
        </Text>
        {view.savings.length > 0 && (
          <Table size="extra-small" className={styles.table} aria-label="Savings by instrument">
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
        )}
        <Caption1 as="p" block className={styles.muted}>
          {view.savings.length === 0
            ? "No savings can be shown: the workbook has no Baseline sheet with today's stand-alone costs."
            : noBaseline.length > 0
              ? `Alone: what the instrument pays for these services on its own today (Baseline sheet). ${noBaseline.join(", ")} ${noBaseline.length === 1 ? "has" : "have"} no stand-alone cost there, so no saving can be shown for ${noBaseline.length === 1 ? "it" : "them"}.`
              : "Alone: what the instrument pays for these services on its own today (Baseline sheet)."}
        </Caption1>
      </section>
    </div>
  );
}

/** One service's split over the instruments, with percentages and a total row. */
function UnitTable({
  row,
  instruments,
  label,
  fmt,
  fig,
}: {
  row: { unit: string; shares: number[]; total: number; support: boolean };
  instruments: string[];
  label: string;
  fmt: (v: number) => string;
  fig: (figure: Figure, value: number, context: string) => JSX.Element;
}) {
  const styles = useStyles();
  return (
    <Table size="extra-small" className={styles.table} aria-label={`${row.unit} by instrument, ${label}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Instrument</TableHeaderCell>
          <TableHeaderCell className={styles.num}>Pays</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.num, styles.narrow)}>%</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {instruments.map((code, i) =>
          row.shares[i] === 0 ? null : (
            <TableRow key={code}>
              <TableCell>{code}</TableCell>
              <TableCell className={styles.num}>
                {fig({ kind: "share", unit: row.unit, code }, row.shares[i], `${code} share of ${row.unit}`)}
              </TableCell>
              <TableCell className={styles.num}>{pct(row.shares[i], row.total)}</TableCell>
            </TableRow>
          ),
        )}
        <TableRow className={styles.total}>
          <TableCell>Total</TableCell>
          <TableCell className={styles.num}>{fmt(row.total)}</TableCell>
          <TableCell className={styles.num}>100%</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** Settlement of one instrument in a sentence. */
export function settlementWords(
  s: { code: string; share: number; funded: number; balance: number },
  fmt: (v: number) => string,
): string {
  if (s.funded === 0)
    return `${s.code} funds no posts: it pays its whole share, ${fmt(s.share)}, into the common pool.`;
  if (s.balance > 0)
    return `${s.code} pays ${fmt(s.balance)} more into the common pool than the posts it funds.`;
  if (s.balance < 0)
    return `${s.code} funds posts worth ${fmt(-s.balance)} more than its share: the common pool pays it back.`;
  return `${s.code}'s share equals the posts it funds (${fmt(s.share)}): nothing to settle.`;
}

/**
 * Posts that follow their own split rather than the unit's rule, in words: the figures of the
 * service include them, so "shared equally" alone would not explain them (as the annex's footnote).
 */
function ownSplitText(titles: readonly string[]): string | undefined {
  if (titles.length === 0) return undefined;
  if (titles.length > 3)
    return `${titles.length} of its posts follow their own agreed split rather than this rule (see the Posts sheet); the figures below include them.`;
  const named =
    titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(", ")} and ${titles[titles.length - 1]}`;
  return titles.length === 1
    ? `The post ${named} follows its own agreed split rather than this rule; the figures below include it.`
    : `The posts ${named} follow their own agreed split rather than this rule; the figures below include them.`;
}
