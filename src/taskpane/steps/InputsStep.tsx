import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Option,
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
import type { ContractSheetName, InputMapping } from "../../workbook/inputMapping";
import type { SheetFinding } from "../pipeline";

/** Props of the Inputs step. */
export interface InputsStepProps {
  /** The contract's sheets as found in the workbook. */
  sheets: SheetFinding[];
  /** Every sheet (and table) name of the workbook, offered for a mapping. */
  sheetNames: string[];
  /** The saved mapping. */
  mapping: InputMapping;
  /** Maps a contract sheet to a sheet of the workbook (undefined = back to automatic). */
  onMapSheet: (sheet: ContractSheetName, to: string | undefined) => void;
  /** Maps a contract column to a header of its sheet (undefined = back to automatic). */
  onMapColumn: (sheet: ContractSheetName, column: string, to: string | undefined) => void;
  /** Re-reads the workbook after the officer changed it (Excel only: a browser holds a copy). */
  onReload?: () => void;
}

/** The choice that lets the add-in find the sheet or column by its name. */
const AUTOMATIC = "Found by name";

const useStyles = makeStyles({
  sheet: { marginBottom: tokens.spacingVerticalL },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  dropdown: { minWidth: "140px", maxWidth: "100%" },
  table: { marginTop: tokens.spacingVerticalXS },
});

/** Step 1: the input sheets and columns the pane found, with a dropdown to map any named differently. */
export function InputsStep(props: InputsStepProps) {
  const styles = useStyles();
  return (
    <div>
      <Text as="h2" block weight="semibold" size={400} id="sheets-heading">
        Sheets and columns read
      </Text>
      <Text as="p" block>
        The add-in finds its sheets and columns by name. Where one of yours is named differently, choose it
        here; the choice is saved with the workbook.
      </Text>
      {props.onReload && <Button onClick={props.onReload}>Read the workbook again</Button>}
      {props.sheets.map((s) => (
        <section key={s.name} className={styles.sheet} aria-label={`Sheet ${s.name}`}>
          <div className={styles.heading}>
            <Text as="h3" weight="semibold" size={400}>
              {s.name}
            </Text>
            {s.found ? (
              <Badge appearance="tint" color="success">
                found{s.found.toLowerCase() !== s.name.toLowerCase() ? `: ${s.found}` : ""}
              </Badge>
            ) : s.required ? (
              <Badge appearance="tint" color="danger">
                missing: needed
              </Badge>
            ) : (
              <Badge appearance="tint" color="informative">
                not in this workbook (optional)
              </Badge>
            )}
          </div>
          <Caption1 as="p" block>
            {s.description}
          </Caption1>
          <Dropdown
            className={styles.dropdown}
            aria-label={`Sheet used as ${s.name}`}
            value={props.mapping[s.name]?.source ?? AUTOMATIC}
            selectedOptions={[props.mapping[s.name]?.source ?? AUTOMATIC]}
            onOptionSelect={(_, d) =>
              props.onMapSheet(s.name, d.optionValue === AUTOMATIC ? undefined : d.optionValue)
            }
          >
            <Option value={AUTOMATIC}>{AUTOMATIC}</Option>
            {props.sheetNames.map((n) => (
              <Option key={n} value={n}>
                {n}
              </Option>
            ))}
          </Dropdown>
          {s.found && s.columns.length > 0 && (
            <details open={s.columns.some((c) => c.required && !c.found)}>
              <summary>Columns ({s.columns.filter((c) => c.found).length} found)</summary>
              <Table size="extra-small" className={styles.table} aria-label={`Columns of ${s.name}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Column</TableHeaderCell>
                    <TableHeaderCell>On your sheet</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {s.columns.map((c) => {
                    const mapped = props.mapping[s.name]?.columns?.[c.name];
                    const options = [...new Set([...(c.found ? [c.found] : []), ...s.otherHeaders])];
                    return (
                      <TableRow key={c.name}>
                        <TableCell>
                          {c.name}
                          {c.required && <Caption1> (needed)</Caption1>}
                        </TableCell>
                        <TableCell>
                          <Dropdown
                            className={styles.dropdown}
                            size="small"
                            aria-label={`${s.name} column used as ${c.name}`}
                            value={mapped ?? c.found ?? (c.required ? "missing" : "not in this sheet")}
                            selectedOptions={mapped ? [mapped] : [AUTOMATIC]}
                            onOptionSelect={(_, d) =>
                              props.onMapColumn(
                                s.name,
                                c.name,
                                d.optionValue === AUTOMATIC ? undefined : d.optionValue,
                              )
                            }
                          >
                            <Option value={AUTOMATIC}>{AUTOMATIC}</Option>
                            {options.map((h) => (
                              <Option key={h} value={h}>
                                {h}
                              </Option>
                            ))}
                          </Dropdown>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}
