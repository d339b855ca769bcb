import { Dropdown, Field, Option } from "@fluentui/react-components";
import { periodLabel, type PreviewSlice } from "../previewModel";

/** The label of a slice: the whole period ("Whole period 2015–2017") or one year. */
export function sliceLabel(years: readonly number[], s: PreviewSlice): string {
  return s === "period" ? `Whole period ${periodLabel(years)}` : String(years[s]);
}

/** "Period shown": the whole period or one of its years, as the Preview and Contributions views offer it. */
export function PeriodField({
  years,
  slice,
  onSlice,
}: {
  years: readonly number[];
  slice: PreviewSlice;
  onSlice: (slice: PreviewSlice) => void;
}) {
  return (
    <Field label="Period shown">
      <Dropdown
        value={sliceLabel(years, slice)}
        selectedOptions={[String(slice)]}
        onOptionSelect={(_, d) => onSlice(d.optionValue === "period" ? "period" : Number(d.optionValue))}
      >
        <Option value="period">{sliceLabel(years, "period")}</Option>
        {years.map((y, i) => (
          <Option key={y} value={String(i)}>
            {String(y)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
