import {
  Badge,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
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
import type { Allocation } from "../../engine/result";
import { compareModel, type CompareFigure } from "../compareModel";
import { formatAmount } from "../formatAmount";

/** Props of the Compare view. */
export interface CompareStepProps {
  /** The run, with every option when the workbook has options. */
  allocation?: Allocation;
  /** The figure compared, kept by the pane across views. */
  figure: CompareFigure;
  onFigure: (figure: CompareFigure) => void;
  /** Makes another option the one written as Allocation and Annex 1 (for this session). */
  onChoose: (option: string) => void;
  /** Why there are no figures yet, in words. */
  blocked?: string;
}

const FIGURES: Record<CompareFigure, string> = {
  total: "Total, with programme support costs",
  direct: "Direct costs, before programme support costs",
  savings: "Savings against the baseline",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Fluent greys an unchecked radio's label, which reads as disabled: every option can be chosen.
  option: {
    "& .fui-Radio__input:enabled:not(:checked) ~ .fui-Radio__label": { color: tokens.colorNeutralForeground1 },
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto" },
  badge: { marginLeft: tokens.spacingHorizontalXS },
  less: { color: tokens.colorPaletteGreenForeground1 },
  more: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * View: the options of the workbook side by side, for all instruments and for each instrument,
 * with each option's difference from the first; and the choice of the option written as
 * Allocation and Annex 1.
 */
export function CompareStep({ allocation, figure, onFigure, onChoose, blocked }: CompareStepProps) {
  const styles = useStyles();
  if (!allocation) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>No figures to compare yet. {blocked ?? ""}</MessageBarBody>
      </MessageBar>
    );
  }
  const model = compareModel(allocation, figure);
  if (!model) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          This workbook holds one arrangement, so there is nothing to compare. To compare options (the status
          quo, a pilot, a joint secretariat), add a Scenario column to Posts, Budget, Rules or Support and
          type in it the options each row holds in; leave it blank for rows that hold in every option.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const r = allocation.settings.rounding;
  const cur = allocation.settings.currency;
  const first = model.options[0];
  const change = (d: number | undefined) =>
    d === undefined ? "–" : d === 0 ? "0" : `${d > 0 ? "+" : "\u2212"}${formatAmount(Math.abs(d), r)}`;
  // Paying less is good news for an instrument; saving less is not.
  const tone = (d: number | undefined) =>
    d === undefined || d === 0
      ? undefined
      : (figure === "savings" ? d < 0 : d > 0)
        ? styles.more
        : styles.less;

  return (
    <div className={styles.root}>
      <Field
        label="Option written as Allocation and Annex 1"
        hint="For this session: the Scenario setting in the Settings sheet stays as it is."
      >
        <RadioGroup value={model.written} onChange={(_, d) => onChoose(d.value)}>
          {model.options.map((name) => (
            <Radio key={name} value={name} label={name} className={styles.option} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Figure compared">
        <Dropdown
          value={FIGURES[figure]}
          selectedOptions={[figure]}
          onOptionSelect={(_, d) => onFigure(d.optionValue as CompareFigure)}
        >
          {(Object.keys(FIGURES) as CompareFigure[]).map((f) => (
            <Option key={f} value={f}>
              {FIGURES[f]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Caption1 as="p" block>
        Over the whole period, in {cur}. Difference: the option less {first}; a minus sign means less.
      </Caption1>
      {model.blocks.map((block) => (
        <section key={block.label} className={styles.section} aria-label={block.label}>
          <Text as="h2" weight="semibold" size={400}>
            {block.label}
          </Text>
          <Table size="extra-small" className={styles.table} aria-label={`${block.label}, by option`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Option</TableHeaderCell>
                <TableHeaderCell className={styles.num}>
                  {figure === "total" ? "Total" : figure === "direct" ? "Direct" : "Savings"}
                </TableHeaderCell>
                <TableHeaderCell className={styles.num}>Difference</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {block.cells.map((cell) => (
                <TableRow key={cell.option}>
                  <TableCell>
                    {cell.option}
                    {cell.written && " "}
                    {cell.written && (
                      <Badge size="small" appearance="tint" className={styles.badge}>
                        in Allocation
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className={styles.num}>
                    {cell.value === undefined ? "no baseline" : formatAmount(cell.value, r)}
                  </TableCell>
                  <TableCell className={styles.num}>
                    <span className={tone(cell.difference)}>{change(cell.difference)}</span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
