import {
  Button,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { fromQuanta } from "../../engine/money";
import type { Model } from "../../engine/model";
import type { Problem } from "../../engine/problem";
import type { Allocation } from "../../engine/result";
import { formatAmount } from "../formatAmount";
import type { SheetFinding } from "../pipeline";
import { periodLabel } from "../previewModel";
import { problemAddress } from "../problemAddress";

/** Props of the Start step. */
export interface StartStepProps {
  /** The contract's sheets as found. */
  sheets: SheetFinding[];
  /** The model as read, when it could be read. */
  model?: Model;
  problems: Problem[];
  allocation?: Allocation;
  /** Browser mode: the workbook is a copy held in this page and cannot be re-read from disk. */
  browser: boolean;
  onShowProblems: () => void;
  onShowSheets: () => void;
  onShowRules: () => void;
  onShowPreview: () => void;
  onReload?: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXS },
  facts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(96px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  fact: { display: "flex", flexDirection: "column", margin: 0 },
  // A period ("2015–2017") does not fit one narrow column in the figures' size: it takes two.
  wide: { gridColumn: "span 2", whiteSpace: "nowrap" },
  figure: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  total: {
    fontSize: tokens.fontSizeBase600,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  links: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

/**
 * The first screen: what the workbook holds (sheets, instruments, posts, lines, period), whether
 * anything blocks the run, the grand total, and where to go next. The mapping of sheets and
 * columns appears only when something is missing or on request.
 */
export function StartStep(props: StartStepProps) {
  const styles = useStyles();
  const errors = props.problems.filter((p) => p.severity === "error");
  const warnings = props.problems.length - errors.length;
  const missing = props.sheets.filter((s) => s.required && !s.found);
  const found = props.sheets.filter((s) => s.found);
  const a = props.allocation;
  const m = props.model;
  const rounding = a?.settings.rounding ?? 1;
  const money = (q: number) => formatAmount(fromQuanta(q, rounding), rounding);
  const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);
  const operating = a?.units.filter((u) => !u.support).length;
  const years = m ? Array.from({ length: m.settings.years }, (_, k) => m.settings.firstYear + k) : [];
  const facts: [string, string][] = m
    ? [
        ["Instruments", String(m.instruments.length)],
        // With options, the posts and lines of the option written; the sheets hold those of every option.
        ["Posts", String(a?.scenarios ? a.lines.filter((l) => l.kind === "post").length : m.posts.length)],
        [
          "Budget lines",
          String(a?.scenarios ? a.lines.filter((l) => l.kind === "budget").length : m.budget.length),
        ],
        ["Services", String(operating ?? new Set([...m.posts, ...m.budget].map((x) => x.unit)).size)],
        ...(a?.scenarios ? [["Options", String(a.scenarios.length)] as [string, string]] : []),
        ["Period", periodLabel(years)],
      ]
    : [];
  return (
    <div className={styles.root}>
      <Text as="h2" weight="semibold" size={400} id="start-heading">
        Your budget workbook
      </Text>
      {errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {errors.length === 1 ? "1 problem stops the run" : `${errors.length} problems stop the run`}
            </MessageBarTitle>
            First: {problemAddress(errors[0])}: {errors[0].message}{" "}
            <Link onClick={props.onShowProblems}>Show {errors.length === 1 ? "it" : "all"}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            No problem stops the run.
            {warnings > 0 && (
              <>
                {" "}
                <Link onClick={props.onShowProblems}>
                  {warnings} warning{warnings === 1 ? "" : "s"} to look at
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {a && (
        <Card className={styles.card} aria-labelledby="start-total">
          <Caption1 id="start-total">
            Common services, {periodLabel(a.years)}, shared among {a.instruments.length} instruments
            {a.scenario !== undefined && a.scenarios !== undefined && a.scenarios.length > 1
              ? `, in option ${a.scenario} (of ${a.scenarios.length}: see Compare)`
              : ""}
          </Caption1>
          <Text className={styles.total} data-testid="start-grand-total">
            {money(sum(a.grandTotal.total))} {a.settings.currency}
          </Text>
          <Caption1>
            {money(sum(a.grandTotal.direct))} of services plus {money(sum(a.grandTotal.psc))} of programme
            support costs (PSC, {Number((a.settings.psc * 100).toFixed(2))}%).
          </Caption1>
          <div className={styles.links}>
            <Link onClick={props.onShowPreview}>See who pays what</Link>
            <Link onClick={props.onShowRules}>Review the rules</Link>
          </div>
        </Card>
      )}
      {facts.length > 0 && (
        <dl className={styles.facts} aria-label="What the workbook holds">
          {facts.map(([label, value]) => (
            <div
              key={label}
              className={label === "Period" ? mergeClasses(styles.fact, styles.wide) : styles.fact}
            >
              <dt>
                <Caption1>{label}</Caption1>
              </dt>
              <dd className={styles.fact}>
                <span className={styles.figure}>{value}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Text as="p" size={200}>
        Read from the sheets{" "}
        {found.map((s) => (s.found === s.name ? s.name : `${s.found} (as ${s.name})`)).join(", ")}.{" "}
        {missing.length > 0 ? (
          <>
            Missing: {missing.map((s) => s.name).join(", ")}.{" "}
            <Link onClick={props.onShowSheets}>Choose the sheets</Link>
          </>
        ) : (
          <Link onClick={props.onShowSheets}>Check which sheets and columns are used</Link>
        )}
      </Text>
      {props.onReload && (
        <Button size="small" onClick={props.onReload}>
          Read the workbook again
        </Button>
      )}
      {props.browser && (
        <Caption1 as="p" block>
          This is a copy held in this page: to read a corrected file, open it again with Open.
        </Caption1>
      )}
    </div>
  );
}
