import type { Settings } from "../engine/model";
import { scenarioKey } from "../engine/scenarioKey";
import type { CellReader, CellRef } from "./cellReader";
import { describeValue } from "./describeValue";
import { editDistance } from "../engine/editDistance";
import type { DataRow, FoundSheet } from "./foundSheet";
import { splitScenarioNames } from "./splitScenarioNames";

/**
 * The Scenario cells of the Posts, Budget, Rules and Support sheets as they are read, and, once
 * every sheet is read, the workbook's options: the Settings list (Scenarios) or the names in the
 * order they first appear, each cell's names checked against it.
 */
export class ScenarioCells {
  private readonly cells: { ref: CellRef; names: string[] }[] = [];

  /**
   * The options a row holds in: undefined when its Scenario cell is blank or absent (the row holds
   * in every option), null after a problem at the cell.
   */
  read(sheet: FoundSheet, row: DataRow, reader: CellReader): string[] | undefined | null {
    const ref = sheet.cell(row, "Scenario");
    if (ref === undefined || reader.isBlank(ref.value)) return undefined;
    const before = reader.problems.length;
    const text = reader.text(ref);
    if (text === undefined) return reader.problems.length > before ? null : undefined;
    const names = unique(splitScenarioNames(text));
    if (names.length === 0) {
      reader.report(
        ref,
        `${ref.field} names no option, found ${describeValue(ref.value)}; type the options the row holds in, separated by ';', or leave it blank for every option`,
      );
      return null;
    }
    this.cells.push({ ref, names });
    return names;
  }

  /**
   * Settles the options of the workbook once every sheet is read: the order of Settings' Scenarios,
   * else the order in which the cells first name them; a name not in the list is a problem at its
   * cell, and so is a Scenario setting that names no option. The names take the list's spelling.
   */
  resolve(settings: Settings, settingsSheet: FoundSheet | undefined, reader: CellReader): void {
    const listed = settings.scenarios;
    if (listed === undefined) {
      const names = unique(this.cells.flatMap((c) => c.names));
      if (names.length > 0) settings.scenarios = names;
      this.warnOfNearNames(names, reader);
    } else {
      const keys = new Set(listed.map(scenarioKey));
      for (const { ref, names } of this.cells) {
        for (const name of names.filter((n) => !keys.has(scenarioKey(n)))) {
          reader.report(
            ref,
            `'${name}' is not one of the options listed in Settings (Scenarios: ${listed.join("; ")}); type one of them, or add it to the list`,
          );
        }
      }
      const at = settingCell(settingsSheet, "Scenarios");
      if (this.cells.length === 0 && at !== undefined) {
        reader.report(
          at,
          `Scenarios lists ${listed.length === 1 ? "an option" : `${listed.length} options`}, but no Posts, Budget, Rules or Support row names one in a Scenario column, so every option has the same figures`,
          "warning",
        );
      }
    }
    if (settings.scenario === undefined) return;
    const options = settings.scenarios ?? [];
    const chosen = options.find((n) => scenarioKey(n) === scenarioKey(settings.scenario ?? ""));
    if (chosen !== undefined) {
      settings.scenario = chosen;
      return;
    }
    const at = settingCell(settingsSheet, "Scenario");
    if (at === undefined) return;
    reader.report(
      at,
      options.length === 0
        ? `Scenario names option '${settings.scenario}', but the workbook has no options: name them in a Scenario column of Posts, Budget, Rules or Support, or clear this setting`
        : `Scenario names option '${settings.scenario}', which is not one of the options (${options.join("; ")})`,
    );
  }

  /**
   * Without a Scenarios list every name is an option, so a misspelt name makes an option of its
   * own (found later as a unit with costs but no rule in it, at another cell). A name written in
   * one cell only, within two letters of a name written in more, is most likely such a slip: a
   * warning at that cell, naming the other.
   */
  private warnOfNearNames(names: readonly string[], reader: CellReader): void {
    const naming = (name: string) =>
      this.cells.filter((c) => c.names.some((n) => scenarioKey(n) === scenarioKey(name))).map((c) => c.ref);
    for (const name of names) {
      const here = naming(name);
      if (here.length !== 1) continue;
      const near = names.find(
        (other) =>
          other !== name &&
          naming(other).length > 1 &&
          editDistance(scenarioKey(other), scenarioKey(name)) <= (name.length <= 6 ? 1 : 2),
      );
      if (near === undefined) continue;
      reader.report(
        here[0],
        `Option '${name}' is named only here, and is close to '${near}' (named in ${naming(near).length} cells): if it is a slip, correct it. Without a Scenarios list in Settings every name is an option; list them there to have each name checked.`,
        "warning",
      );
    }
  }
}

/** The names once each, in order, with the spelling first met (names compare trimmed and case-insensitively). */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = scenarioKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The Value cell of a setting read from the Settings sheet, named after the setting. */
function settingCell(sheet: FoundSheet | undefined, key: string): CellRef | undefined {
  const rowNumber = sheet?.layout.settingRows[key];
  const row = sheet?.rows.find((r) => r.row === rowNumber);
  const ref = row === undefined ? undefined : sheet?.cell(row, "Value");
  return ref === undefined ? undefined : { ...ref, field: key };
}
