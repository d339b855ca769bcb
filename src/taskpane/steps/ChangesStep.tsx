import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CHANGE_CAUSES, causeLabel } from "../../engine/changes/changeCause";
import type { AttributionStep } from "../../engine/changes/attributeChanges";
import { fromQuanta } from "../../engine/money";
import type { Comparison } from "../../workbook/history/compareRuns";
import { formatAmount } from "../formatAmount";
import type { PaneError } from "../paneError";
import type { RunReview } from "../pipeline";

/** Props of the Changes view. */
export interface ChangesStepProps {
  /** This run (as the pane computes it now) against the earlier ones; absent while it cannot run. */
  review?: RunReview;
  /** Why there is nothing to compare yet (problems, a rule to fix). */
  blocked?: string;
  /** True while the comparison is being worked out. */
  reviewing?: boolean;
  /** Why these figures cannot be written as they stand (marked Approved under a paper that approved others). */
  refused?: PaneError;
}

/** The inputs listed before the view refers to the Changes sheet for the rest. */
const MAX_INPUTS = 40;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { width: "100%", display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  figures: { fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
  up: { color: tokens.colorPaletteRedForeground1 },
  down: { color: tokens.colorPaletteGreenForeground1 },
  parts: { listStyleType: "none", margin: 0, paddingLeft: 0 },
  part: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inputs: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // An option's name can be long: its figures go to a line of their own rather than past the pane's edge.
  optionPart: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  pushRight: { marginLeft: "auto" },
});

/** When a run was made, as the officer reads it ("2 Dec 2026 09:00 UTC"). */
function whenOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })} ${d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}

/** The name of a step of the breakdown. */
function stepLabel(step: AttributionStep): string {
  if (step.causes.includes("unattributed")) return "Not attributed (earlier inputs not recorded)";
  const labels = step.causes.map((c) => (c === "unattributed" ? "" : causeLabel(c)));
  return labels.length === 1 ? labels[0] : `${labels.join(" + ")} (together)`;
}

/**
 * What moved since the previous run and since the last approved one, instrument by instrument,
 * with each difference broken down by cause (the parts add up exactly), and the inputs that
 * changed. Narrow by design: one instrument a line, its breakdown one click away.
 */
export function ChangesStep({ review, blocked, reviewing = false, refused }: ChangesStepProps) {
  const styles = useStyles();
  if (!review && reviewing) return <Spinner size="small" label="Comparing with the earlier runs…" />;
  if (!review) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>Nothing to compare yet. {blocked ?? ""}</MessageBarBody>
      </MessageBar>
    );
  }
  const { comparison } = review;
  return (
    <div className={styles.root}>
      <Text as="p">
        Written now, these results would be run {review.run} of this workbook. Below, what they change against
        the runs before.
      </Text>
      {refused && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{refused.title}</MessageBarTitle>
            {refused.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {review.approvedChanges && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>These figures change an approved run</MessageBarTitle>
            {review.approvedChanges.map((line) => (
              <div key={line}>{line.trim()}</div>
            ))}
            {refused ? "" : "Writing asks you first."}
          </MessageBarBody>
        </MessageBar>
      )}
      {!comparison.previous && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {comparison.skipped.length > 0
              ? "No earlier run has a record this version can read (see Problems), so there is nothing to compare with."
              : "No earlier run is recorded in this workbook, so there is nothing to compare with."}{" "}
            Once these results are written, the next run shows what changed since them.
          </MessageBarBody>
        </MessageBar>
      )}
      {[comparison.previous, comparison.approved].map((c) =>
        c ? <ComparisonView key={c.basis} comparison={c} /> : null,
      )}
      {comparison.previous && (
        <Caption1>
          Each difference is broken down by applying the changes one group at a time, in this order:{" "}
          {CHANGE_CAUSES.map((c) => c.label).join(", ")}. The parts add up exactly to the difference; the
          Changes sheet shows the same once written.
        </Caption1>
      )}
    </div>
  );
}

function ComparisonView({ comparison: c }: { comparison: Comparison }) {
  const styles = useStyles();
  const r = c.against;
  const title =
    c.basis === "previous"
      ? `Since the previous run: run ${r.run}`
      : `Since the last approved run: run ${r.run}`;
  const about = `${r.status}${r.documentSymbol ? `, ${r.documentSymbol}` : ""}, ${whenOf(r.time)}`;
  const headingId = `changes-${c.basis}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h2" weight="semibold" size={400} id={headingId}>
        {title}
      </Text>
      <Caption1>{about}</Caption1>
      {!c.outcome.ok ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Not compared: {c.outcome.reason}.</MessageBarBody>
        </MessageBar>
      ) : (
        <Figures comparison={c} />
      )}
      <OtherOptions comparison={c} />
      <InputsChanged comparison={c} />
    </section>
  );
}

function Figures({ comparison: c }: { comparison: Comparison }) {
  const styles = useStyles();
  if (!c.outcome.ok) return null;
  const a = c.outcome.attribution;
  const money = (q: number) => formatAmount(fromQuanta(q, a.quantum), a.quantum);
  const signed = (q: number) => (q === 0 ? "0" : `${q > 0 ? "+" : "\u2212"}${money(Math.abs(q))}`);
  if (a.steps.length === 0) return <Text as="p">No figure changed.</Text>;
  const moved = a.instruments.filter(
    (code) => (a.current[code]?.total ?? 0) !== (a.previous[code]?.total ?? 0),
  );
  return (
    <>
      <Text as="p">
        {moved.length === 0
          ? "No instrument's total changed."
          : `${moved.length} of ${a.instruments.length} instruments' totals changed (with PSC, over the period). Open one for its causes.`}
      </Text>
      <Accordion
        multiple
        collapsible
        onToggle={(_, data) => {
          // An instrument opened near the foot of the pane: its causes scroll up into view, clear of
          // the sticky action bar (the page's scroll-padding keeps them above it).
          if (!data.openItems.includes(data.value)) return;
          const id = causesId(c.basis, String(data.value));
          requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: "nearest" }));
        }}
      >
        {a.instruments.map((code) => {
          const was = a.previous[code]?.total ?? 0;
          const now = a.current[code]?.total ?? 0;
          const diff = now - was;
          return (
            <AccordionItem key={code} value={code}>
              <AccordionHeader size="small">
                <span className={styles.header}>
                  <span>{code}</span>
                  <span className={styles.figures}>
                    {money(was)} → {money(now)}{" "}
                    <span className={diff > 0 ? styles.up : diff < 0 ? styles.down : undefined}>
                      ({signed(diff)})
                    </span>
                  </span>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <ul
                  id={causesId(c.basis, code)}
                  className={styles.parts}
                  aria-label={`Causes of the change for ${code}`}
                >
                  {a.steps.map((s) => (
                    <li key={s.causes.join("+")} className={styles.part}>
                      <span>{stepLabel(s)}</span>
                      <span className={styles.figures}>{signed(s.parts[code]?.total ?? 0)}</span>
                    </li>
                  ))}
                  <li className={styles.part}>
                    <strong>Difference</strong>
                    <strong className={styles.figures}>{signed(diff)}</strong>
                  </li>
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </>
  );
}

/** The other options' totals that changed (the figures above are the option written's), not broken down by cause. */
function OtherOptions({ comparison: c }: { comparison: Comparison }) {
  const styles = useStyles();
  const rows = c.otherOptions;
  if (rows === undefined) return null;
  if (rows.length === 0)
    return <Text as="p">The other options have the same totals as in run {c.against.run}.</Text>;
  const rounding = c.outcome.ok ? c.outcome.attribution.quantum : c.against.figures.rounding;
  const signed = (v: number) =>
    v === 0 ? "0" : `${v > 0 ? "+" : "\u2212"}${formatAmount(Math.abs(v), rounding)}`;
  const listId = `other-options-${c.basis}`;
  return (
    <>
      <Text as="p" id={listId}>
        The other options: the totals that changed (not broken down by cause).
      </Text>
      <ul className={styles.parts} aria-labelledby={listId}>
        {rows.map((r) => (
          <li key={`${r.option}\u0000${r.instrument}`} className={styles.optionPart}>
            <span>
              {r.option}, {r.instrument}
            </span>
            <span className={mergeClasses(styles.figures, styles.pushRight)}>
              {r.only === "now" ? (
                `new option: ${formatAmount(r.after, rounding)}`
              ) : r.only === "before" ? (
                `no longer an option (was ${formatAmount(r.before, rounding)})`
              ) : (
                <>
                  {formatAmount(r.before, rounding)} → {formatAmount(r.after, rounding)}{" "}
                  <span
                    className={r.after > r.before ? styles.up : r.after < r.before ? styles.down : undefined}
                  >
                    ({signed(r.after - r.before)})
                  </span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The id of an instrument's list of causes in one comparison (previous or approved). */
function causesId(basis: string, code: string): string {
  return `causes-${basis}-${code.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function InputsChanged({ comparison: c }: { comparison: Comparison }) {
  const styles = useStyles();
  if (c.changes === undefined)
    return <Caption1>The inputs of run {c.against.run} are not recorded, so they cannot be listed.</Caption1>;
  if (c.changes.length === 0) return <Caption1>None of the inputs the add-in reads changed.</Caption1>;
  return (
    <>
      <Text weight="semibold">Inputs changed ({c.changes.length})</Text>
      <ul className={styles.inputs}>
        {c.changes.slice(0, MAX_INPUTS).map((ch, i) => (
          <li key={i}>
            {ch.sheet}
            {ch.row !== undefined ? ` row ${ch.row}${ch.kind === "removed" ? " (earlier)" : ""}` : ""}:{" "}
            {ch.kind === "changed"
              ? `${ch.item}, ${ch.field ?? ""} ${ch.before ?? ""} → ${ch.after ?? ""}`
              : `${ch.item} ${ch.kind}`}
          </li>
        ))}
      </ul>
      {c.changes.length > MAX_INPUTS && (
        <Caption1>And {c.changes.length - MAX_INPUTS} more: the Changes sheet lists every one.</Caption1>
      )}
    </>
  );
}
