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
import type { DraftProblem } from "../applyRuleDrafts";
import { METHODS, type RuleDraft } from "../ruleDraft";

/** Props of the Rules step. */
export interface RulesStepProps {
  drafts: RuleDraft[];
  /** Mistakes in the drafts, shown under their fields. */
  problems: DraftProblem[];
  /** Instrument codes, for the participants picker and fixed shares. */
  instruments: string[];
  /** Instrument types ("Agreement", "MOU"), also valid participants. */
  types: string[];
  /** Numeric Instruments columns, the possible drivers. */
  drivers: string[];
  /** Replaces one draft. */
  onChange: (index: number, draft: RuleDraft) => void;
  /** Writes the edited rules into the Rules sheet; absent while nothing changed. */
  onSave?: () => void;
  /** Goes back to the rules as read from the workbook; absent while nothing changed. */
  onUndo?: () => void;
  /** True while the rules are being saved. */
  saving: boolean;
  /** Each unit's rule restated in words by the engine, from the last preview (lower-case unit → text). */
  descriptions?: Record<string, string>;
}

/** What each method expects in Basis, as a hint under the field. */
const BASIS_HINT: Record<string, string> = {
  fixed: "Agreed shares adding up to 100%, e.g. CMS 50%; AEWA 50%",
  driver: "An Instruments column, e.g. Parties or Budget",
  hybrid: "A weighted mix, e.g. 40% equal + 60% Parties",
  equal: "No basis needed: every participant pays the same.",
  posts: "No basis needed: each post's own split in the Posts sheet.",
  "": "Choose a method first.",
};

const useStyles = makeStyles({
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalS,
    flexWrap: "wrap",
  },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Two equal columns that never push past a narrow pane (Input has an intrinsic minimum width).
  bounds: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
  bound: { minWidth: 0 },
  boundInput: { minWidth: 0, width: "100%" },
});

/** Step 3: each common service unit with its rule, editable; the preview follows every change. */
export function RulesStep(props: RulesStepProps) {
  const styles = useStyles();
  if (props.drafts.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          No common service unit was found. Add posts or budget lines with a Unit, then read the workbook
          again.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div>
      <Text as="p">
        Change a rule and the preview follows at once; the workbook changes only when you save the rules (or
        write the results), so the Rules sheet always shows the rules that were used.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!props.onSave || props.saving} onClick={props.onSave}>
          {props.saving ? "Saving rules…" : "Save rules to the Rules sheet"}
        </Button>
        <Button disabled={!props.onUndo || props.saving} onClick={props.onUndo}>
          Undo rule changes
        </Button>
      </div>
      <Accordion multiple collapsible>
        {props.drafts.map((d, i) => (
          <AccordionItem key={`${d.unit}-${i}`} value={i}>
            <AccordionHeader>
              {d.unit}: {d.method === "" ? (d.optional ? "own splits" : "no rule yet") : d.method}
              {props.problems.some((p) => p.index === i) ? " (needs attention)" : ""}
            </AccordionHeader>
            <AccordionPanel>
              <RuleEditor {...props} draft={d} index={i} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}

/** The fields of one rule. */
function RuleEditor(props: RulesStepProps & { draft: RuleDraft; index: number }) {
  const styles = useStyles();
  const { draft: d, index: i } = props;
  const problem = (field: DraftProblem["field"]) =>
    props.problems.find((p) => p.index === i && p.field === field)?.message;
  const change = (patch: Partial<RuleDraft>) => props.onChange(i, { ...d, ...patch });
  const options = ["all", ...props.types, ...props.instruments].filter(
    (o, k, all) => all.findIndex((x) => x.toLowerCase() === o.toLowerCase()) === k,
  );
  const basisField =
    d.method === "driver" ? (
      <Dropdown
        aria-label={`Driver for ${d.unit}`}
        value={d.basis}
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
        aria-label={`Basis for ${d.unit}`}
        value={d.basis}
        disabled={d.method === "equal" || d.method === "posts" || d.method === ""}
        onChange={(_, data) => change({ basis: data.value })}
      />
    );
  const described = props.descriptions?.[d.unit.trim().toLowerCase()];
  return (
    <div className={styles.fields}>
      {described && (
        <Caption1 as="p" block>
          In the preview: {described}
        </Caption1>
      )}
      <Field label={`Method for ${d.unit}`} validationMessage={problem("method") ?? problem("unit")}>
        <Dropdown
          value={d.method}
          placeholder="Choose a method"
          selectedOptions={d.method ? [d.method] : []}
          onOptionSelect={(_, data) => change({ method: (data.optionValue ?? "") as RuleDraft["method"] })}
        >
          {METHODS.map((m) => (
            <Option key={m} value={m}>
              {m}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Basis" hint={BASIS_HINT[d.method]} validationMessage={problem("basis")}>
        {basisField}
      </Field>
      <Field
        label={`Participants in ${d.unit}`}
        hint="Instrument codes, an instrument type, or all (empty = all)"
      >
        <TagPicker
          selectedOptions={d.participants}
          onOptionSelect={(_, data) => change({ participants: data.selectedOptions })}
        >
          <TagPickerControl>
            <TagPickerGroup aria-label={`Participants in ${d.unit}`}>
              {d.participants.map((p) => (
                <Tag key={p} value={p} shape="rounded" dismissible>
                  {p}
                </Tag>
              ))}
            </TagPickerGroup>
            <TagPickerInput aria-label={`Add a participant to ${d.unit}`} />
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
        <Field className={styles.bound} label="Floor" hint="e.g. 2%" validationMessage={problem("min")}>
          <Input
            className={styles.boundInput}
            aria-label={`Floor on each share of ${d.unit}`}
            value={d.min}
            onChange={(_, data) => change({ min: data.value })}
          />
        </Field>
        <Field className={styles.bound} label="Ceiling" hint="e.g. 50%" validationMessage={problem("max")}>
          <Input
            className={styles.boundInput}
            aria-label={`Ceiling on each share of ${d.unit}`}
            value={d.max}
            onChange={(_, data) => change({ max: data.value })}
          />
        </Field>
      </div>
    </div>
  );
}
