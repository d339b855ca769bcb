import {
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
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
import { contributionsModel, unRate } from "../contributionsModel";
import { formatAmount } from "../formatAmount";
import type { PreviewSlice } from "../previewModel";
import { PeriodField } from "./PeriodField";

/** Props of the Contributions view. */
export interface ContributionsStepProps {
  allocation: Allocation;
  /** The instrument shown, kept by the pane across views. @default the first with Parties */
  instrument?: string;
  onInstrument: (code: string) => void;
  /** The slice shown (whole period or one year), shared with the Preview. */
  slice: PreviewSlice;
  onSlice: (slice: PreviewSlice) => void;
  /** The search text, kept by the pane across views. */
  query: string;
  onQuery: (query: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  share: { width: "5.5em" },
  amount: { width: "7em" },
  table: { tableLayout: "auto" },
  party: { display: "flex", flexDirection: "column", paddingBlock: tokens.spacingVerticalXXS },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * View: the scale of contributions of one instrument — what each Party pays in the period or one
 * year, its adjusted share and the rule that set its figure, searchable by Party, with the total
 * of all its Parties (the amount shared, whatever the search shows). Three columns, so it reads
 * at Excel's 350 px pane: the UN rate and the rule sit under the Party's name.
 */
export function ContributionsStep({
  allocation,
  instrument,
  onInstrument,
  slice,
  onSlice,
  query,
  onQuery,
}: ContributionsStepProps) {
  const styles = useStyles();
  const view = contributionsModel(allocation, instrument, slice, query);
  if (!view) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          No scale of contributions: the workbook has no Parties sheet. Add one (Party, Instrument, UNScale,
          and Fixed for an agreed fixed share) and, for an instrument&apos;s own rules, a Scales sheet
          (Instrument, Amount, Threshold, Floor, Ceiling).
        </MessageBarBody>
      </MessageBar>
    );
  }
  const r = allocation.settings.rounding;
  const cur = allocation.settings.currency;
  const fmt = (v: number) => formatAmount(v, r);
  const found =
    query.trim() === ""
      ? `${view.count} ${view.count === 1 ? "Party" : "Parties"}`
      : view.rows.length === 0
        ? `No Party of ${view.instrument} matches “${query.trim()}”`
        : `${view.rows.length} of ${view.count} Parties match “${query.trim()}”`;

  return (
    <div className={styles.root}>
      <Text as="h2" id="contributions-heading" weight="semibold" size={400}>
        Scale of contributions, {view.instrument}, {view.label} ({cur})
      </Text>
      {view.instruments.length > 1 && (
        <Field label="Instrument shown">
          <Dropdown
            value={view.instrument}
            selectedOptions={[view.instrument]}
            onOptionSelect={(_, d) => d.optionValue && onInstrument(d.optionValue)}
          >
            {view.instruments.map((code) => (
              <Option key={code} value={code}>
                {code}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <PeriodField years={allocation.years} slice={slice} onSlice={onSlice} />
      <Field label="Find a Party">
        <SearchBox
          value={query}
          onChange={(_, d) => onQuery(d.value)}
          placeholder="Type part of a name"
          aria-describedby="contributions-found"
        />
      </Field>
      <Caption1 as="p" block id="contributions-found" aria-live="polite">
        {found}
      </Caption1>

      <section className={styles.section} aria-labelledby="contributions-heading">
        <Table
          size="extra-small"
          className={styles.table}
          aria-label={`Contributions to ${view.instrument}, ${view.label}`}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Party</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.num, styles.share)}>Share</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.num, styles.amount)}>Pays</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.rows.map((p) => (
              <TableRow key={p.party}>
                <TableCell>
                  <span className={styles.party}>
                    <Text>{p.party}</Text>{" "}
                    <Caption1 className={styles.muted}>
                      {[p.unScale !== undefined ? `UN ${unRate(p.unScale)}` : undefined, p.rule]
                        .filter((x) => x !== undefined)
                        .join(" · ")}
                    </Caption1>
                  </span>
                </TableCell>
                <TableCell className={styles.num}>{unRate(p.share)}</TableCell>
                <TableCell className={styles.num}>{fmt(p.amount)}</TableCell>
              </TableRow>
            ))}
            <TableRow className={styles.total}>
              <TableCell>Total, {view.count === 1 ? "the 1 Party" : `all ${view.count} Parties`}</TableCell>
              <TableCell className={styles.num}>100.000%</TableCell>
              <TableCell className={styles.num} data-testid="contributions-total">
                {fmt(view.total)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <Caption1 as="p" block className={styles.muted}>
          Share: of the amount over the whole period. The amount shared is {view.amountSource}; the
          contributions add up to it exactly.
        </Caption1>
      </section>

      <section className={styles.section} aria-labelledby="contributions-rules">
        <Text as="h3" id="contributions-rules" weight="semibold">
          {view.instrument}&apos;s rules
        </Text>
        <ul className={styles.list}>
          {view.rules.map((rule) => (
            <li key={rule}>
              <Text>{rule}</Text>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
