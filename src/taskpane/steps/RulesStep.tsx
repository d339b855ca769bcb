import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Method } from "../../engine/model";
import type { DraftProblem } from "../applyRuleDrafts";
import { METHOD_HINTS, METHOD_WORDS } from "../plainWords";
import type { InstrumentChange } from "../ruleChanges";
import { holdsIn } from "../../engine/holdsIn";
import { scenarioKey } from "../../engine/scenarioKey";
import { METHODS, ruleName, type RuleDraft } from "../ruleDraft";
import type { RulesPlan } from "../rulesPlan";
import { RulesPlanView } from "./RulesPlanView";

/** Props of the Rules step. */
export interface RulesStepProps {
  drafts: RuleDraft[];
  /** Mistakes in the drafts, shown under their fields. */
  problems: DraftProblem[];
  /** Problems of the run on a rule's row (by draft index), in words. */
  runProblems?: Record<number, string[]>;
  /** Instrument codes, for the participants picker and fixed shares. */
  instruments: string[];
  /** Instrument types ("Agreement", "MOU"), also valid participants. */
  types: string[];
  /** Numeric Instruments columns, the possible drivers. */
  drivers: string[];
  /** Replaces one draft. */
  onChange: (index: number, draft: RuleDraft) => void;
  /** Writes the edited rules into the Rules sheet; absent while nothing changed or a rule is invalid. */
  onSave?: () => void;
  /** Why saving is not possible now, when rules changed but cannot be saved. */
  saveBlocked?: string;
  /** Goes back to the rules in the sheet (or, after a save, as first opened); absent while nothing would change. */
  onUndo?: () => void;
  /** What undoing does: "Undo my rule changes", or after a save "Back to the rules as opened". */
  undoLabel?: string;
  /** True while the rules are being saved. */
  saving: boolean;
  /** What the last save did, until the next edit. */
  saved?: string;
  /** Each unit's rule restated in words by the engine (lower-case unit → text). */
  descriptions?: Record<string, string>;
  /**
   * The option shown and written, in a workbook with options: a rule that does not hold in it
   * shows no description or effect (those are of the option written).
   */
  written?: string;
  /** Each unit's change of shares against the rules as read (lower-case unit → changes), in formatted money. */
  changes?: Record<string, InstrumentChange[]>;
  /**
   * By draft index, for a rule that does not hold in the option written: its unit's change of
   * shares in the first option it holds in.
   */
  elsewhere?: Record<number, { option: string; changes: InstrumentChange[] }>;
  /** The change of every instrument's total with PSC over the period against the rules as read. */
  totals?: InstrumentChange[];
  /** Formats a change in quanta as signed money ("+159,110"). */
  formatChange: (q: number) => string;
  /** What saving writes into the Rules sheet. */
  plan?: RulesPlan;
  /** Open rules (draft indexes), kept by the pane across steps. */
  open: number[];
  onOpen: (open: number[]) => void;
}

/** What each method expects in its second field, as label and hint. */
const BASIS: Record<Method | "", { label: string; hint: string }> = {
  fixed: { label: "Agreed shares", hint: "Percentages adding up to 100%, e.g. CMS 50%; AEWA 50%" },
  driver: { label: "Figure used", hint: "A column of the Instruments sheet, e.g. Parties or Budget" },
  hybrid: { label: "Mix", hint: "e.g. 40% equal + 60% Parties" },
  equal: { label: "Nothing more to set", hint: "Every participant pays the same." },
  posts: { label: "Nothing more to set", hint: "Each post's own split in the Posts sheet." },
  "": { label: "Details", hint: "Choose how the cost is shared first." },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Two equal columns that never push past a narrow pane (Input has an intrinsic minimum width).
  // Aligned at the top: a message under one field must not stretch the other.
  bounds: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  bound: { minWidth: 0 },
  boundInput: { minWidth: 0, width: "100%" },
  change: { fontVariantNumeric: "tabular-nums" },
  up: { color: tokens.colorPaletteRedForeground1 },
  down: { color: tokens.colorPaletteGreenForeground1 },
  // Room above and below a title of two or three lines, so that it does not run into the next.
  header: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    paddingBlock: tokens.spacingVerticalS,
  },
});

/** Changes as "CMS +159,110 · AEWA −80,000". */
function ChangeList({ changes, format }: { changes: InstrumentChange[]; format: (q: number) => string }) {
  const styles = useStyles();
  return (
    <span className={styles.change}>
      {changes.map((c, k) => (
        <span key={c.code}>
          {k > 0 ? " · " : ""}
          {c.code} <span className={c.delta > 0 ? styles.up : styles.down}>{format(c.delta)}</span>
        </span>
      ))}
    </span>
  );
}

/** The effect of a rule that does not hold in the option written: in the first option it holds in. */
function ElsewhereEffect(props: {
  rule: string;
  written: string;
  effect?: { option: string; changes: InstrumentChange[] };
  format: (q: number) => string;
}) {
  const { rule, written, effect } = props;
  if (effect === undefined)
    return <Caption1>This rule is not in {written}, the option written: see its effect in Compare.</Caption1>;
  return effect.changes.length > 0 ? (
    <>
      Effect on {rule} in {effect.option} (not the option written, {written}):{" "}
      <ChangeList changes={effect.changes} format={props.format} />
    </>
  ) : (
    <Caption1>
      No change to what each instrument pays for {rule} in {effect.option} (not the option written,{" "}
      {written}).
    </Caption1>
  );
}

/** True when a rule holds in the option written, whose descriptions and effects the pane shows. */
function shownIn(d: RuleDraft, written: string | undefined): boolean {
  return written === undefined || holdsIn(d, scenarioKey(written));
}

/** Step: each common service with its rule, editable, with what each edit changes beside it. */
export function RulesStep(props: RulesStepProps) {
  const styles = useStyles();
  // A save greys out its button: focus goes to what it did rather than to the page.
  const savedBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.saved !== undefined) savedBar.current?.focus();
  }, [props.saved]);
  if (props.drafts.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          No common service was found. Add posts or budget lines with a Unit, then read the workbook again.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.root}>
      <Text as="p">
        How each common service is shared. Change a rule and its effect shows beside it; the workbook changes
        only when you save the rules or write the results.
      </Text>
      {props.totals && props.totals.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Your changes, totals with PSC over the period</MessageBarTitle>
            <ChangeList changes={props.totals} format={props.formatChange} />
            {props.totals.some((c) => Math.abs(c.delta) === 1) && (
              <Caption1 block>
                A change of 1 comes from rounding: the totals stay within one unit of exact.
              </Caption1>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {props.saveBlocked && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.saveBlocked}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!props.onSave || props.saving} onClick={props.onSave}>
          {props.saving ? "Saving rules…" : "Save rules to the Rules sheet"}
        </Button>
        <Button disabled={!props.onUndo || props.saving} onClick={props.onUndo}>
          {props.undoLabel ?? "Undo my rule changes"}
        </Button>
      </div>
      {props.saved && (
        <MessageBar intent="success" ref={savedBar} tabIndex={-1}>
          <MessageBarBody>{props.saved}</MessageBarBody>
        </MessageBar>
      )}
      {props.plan && props.onSave && <RulesPlanView plan={props.plan} action="Saving" />}
      <Accordion
        multiple
        collapsible
        openItems={props.open}
        onToggle={(_, d) => props.onOpen((d.openItems as number[]).slice())}
      >
        {props.drafts.map((d, i) => {
          const changes = shownIn(d, props.written)
            ? (props.changes?.[d.unit.trim().toLowerCase()] ?? [])
            : (props.elsewhere?.[i]?.changes ?? []);
          const attention =
            props.problems.some((p) => p.index === i) || (props.runProblems?.[i]?.length ?? 0) > 0;
          return (
            <AccordionItem key={i} value={i}>
              <AccordionHeader>
                <span className={styles.header}>
                  <span>
                    {ruleName(d)}:{" "}
                    {d.method === ""
                      ? d.optional
                        ? "each post's own split"
                        : "no rule yet"
                      : METHOD_WORDS[d.method]}
                    {attention ? " (needs attention)" : ""}
                  </span>
                  {changes.length > 0 && (
                    <Caption1>
                      <ChangeList changes={changes} format={props.formatChange} />
                    </Caption1>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <RuleEditor {...props} draft={d} index={i} unitChanges={changes} attention={attention} />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}

/** The fields of one rule. */
function RuleEditor(
  props: RulesStepProps & {
    draft: RuleDraft;
    index: number;
    unitChanges: InstrumentChange[];
    /** True when the rule as edited cannot be used: no effect can be shown. */
    attention: boolean;
  },
) {
  const styles = useStyles();
  const { draft: d, index: i } = props;
  const problem = (field: DraftProblem["field"]) =>
    props.problems.find((p) => p.index === i && p.field === field)?.message;
  const change = (patch: Partial<RuleDraft>) => props.onChange(i, { ...d, ...patch });
  const options = ["all", ...props.types, ...props.instruments].filter(
    (o, k, all) => all.findIndex((x) => x.toLowerCase() === o.toLowerCase()) === k,
  );
  const basis = BASIS[d.method];
  const basisField =
    d.method === "driver" ? (
      <Dropdown
        aria-label={`Figure used for ${ruleName(d)}`}
        value={d.basis}
        placeholder="Choose a column"
        selectedOptions={[d.basis]}
        onOptionSelect={(_, data) => change({ basis: data.optionValue ?? "" })}
      >
        {props.drivers.map((name) => (
          <Option key={name} value={name}>
            {name}
          </Option>
        ))}
      </Dropdown>
    ) : (
      <Input
        aria-label={`${basis.label} for ${ruleName(d)}`}
        value={d.basis}
        disabled={d.method === "equal" || d.method === "posts" || d.method === ""}
        onChange={(_, data) => change({ basis: data.value })}
      />
    );
  const described = shownIn(d, props.written) ? props.descriptions?.[d.unit.trim().toLowerCase()] : undefined;
  const runProblems = props.runProblems?.[i] ?? [];
  return (
    <div className={styles.fields}>
      {described && (
        <Caption1 as="p" block>
          In words: {described}
        </Caption1>
      )}
      <Field
        label={`How ${ruleName(d)} is shared`}
        hint={d.method ? METHOD_HINTS[d.method] : undefined}
        validationMessage={problem("method") ?? problem("unit")}
      >
        <Dropdown
          value={d.method ? METHOD_WORDS[d.method] : ""}
          placeholder="Choose how to share"
          selectedOptions={d.method ? [d.method] : []}
          onOptionSelect={(_, data) => change({ method: (data.optionValue ?? "") as RuleDraft["method"] })}
        >
          {METHODS.map((m) => (
            <Option key={m} value={m} text={METHOD_WORDS[m]}>
              {METHOD_WORDS[m]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={basis.label} hint={basis.hint} validationMessage={problem("basis")}>
        {basisField}
      </Field>
      <Field
        label={`Who takes part in ${ruleName(d)}`}
        hint="Instrument codes, an instrument type, or all (empty = all)"
      >
        <TagPicker
          selectedOptions={d.participants}
          onOptionSelect={(_, data) => change({ participants: data.selectedOptions })}
        >
          <TagPickerControl>
            <TagPickerGroup aria-label={`Taking part in ${ruleName(d)}`}>
              {d.participants.map((p) => (
                <Tag key={p} value={p} shape="rounded" dismissible>
                  {p}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput
              aria-label={`Add a participant to ${ruleName(d)}`}
              {...(d.participants.length === 0 ? { placeholder: "All instruments" } : {})}
            />
          </TagPickerControl>
          <TagPickerList>
            {options
              .filter((o) => !d.participants.includes(o))
              .map((o) => (
                <TagPickerOption key={o} value={o}>
                  {o}
                </TagPickerOption>
              ))}
          </TagPickerList>
        </TagPicker>
      </Field>
      <div className={styles.bounds}>
        <Field
          className={styles.bound}
          label="Lowest share"
          hint="e.g. 2%"
          validationMessage={problem("min")}
        >
          <Input
            className={styles.boundInput}
            aria-label={`Lowest share of ${ruleName(d)} any participant pays`}
            value={d.min}
            onChange={(_, data) => change({ min: data.value })}
          />
        </Field>
        <Field
          className={styles.bound}
          label="Highest share"
          hint="e.g. 50%"
          validationMessage={problem("max")}
        >
          <Input
            className={styles.boundInput}
            aria-label={`Highest share of ${ruleName(d)} any participant pays`}
            value={d.max}
            onChange={(_, data) => change({ max: data.value })}
          />
        </Field>
      </div>
      {runProblems.map((m) => (
        <MessageBar key={m} intent="error">
          <MessageBarBody>{m}</MessageBarBody>
        </MessageBar>
      ))}
      <Text as="p" aria-live="polite">
        {props.attention ? (
          <Caption1>Its effect shows once the rule can be used.</Caption1>
        ) : !shownIn(d, props.written) ? (
          <ElsewhereEffect
            rule={ruleName(d)}
            written={props.written ?? ""}
            {...(props.elsewhere?.[i] ? { effect: props.elsewhere[i] } : {})}
            format={props.formatChange}
          />
        ) : props.unitChanges.length > 0 ? (
          <>
            Effect on {ruleName(d)}: <ChangeList changes={props.unitChanges} format={props.formatChange} />
          </>
        ) : (
          <Caption1>No change to what each instrument pays for {ruleName(d)}.</Caption1>
        )}
      </Text>
    </div>
  );
}
