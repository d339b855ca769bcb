/** True when Excel refused a sync because its response would pass the payload limit. */
export function responseTooLarge(fault: unknown): boolean {
  return (
    typeof fault === "object" &&
    fault !== null &&
    (fault as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded"
  );
}
