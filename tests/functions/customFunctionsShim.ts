/**
 * The part of the Excel custom-functions runtime our functions touch (CustomFunctions.Error and
 * ErrorCode), installed as a global so Jest and the benchmark can call the functions directly.
 */
export class ShimCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/** Installs the shim once; returns the error class for `instanceof` checks. */
export function installCustomFunctionsShim(): typeof ShimCustomFunctionsError {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  g.CustomFunctions ??= {
    Error: ShimCustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
  return (g.CustomFunctions as { Error: typeof ShimCustomFunctionsError }).Error;
}
