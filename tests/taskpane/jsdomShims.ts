import { configure } from "@testing-library/react";

/**
 * What Fluent UI needs from a browser that jsdom does not have: ResizeObserver (MessageBar
 * reflow, overflow), matchMedia (theme), and performance.mark (the pane's ready mark).
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as Record<string, unknown>;
w.ResizeObserver ??= NoResizeObserver;
w.matchMedia ??= (query: string) => ({
  matches: false,
  media: query,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
});

// Seven workers share two cores: give findBy/waitFor room before they call a slow render a failure.
configure({ asyncUtilTimeout: 10_000 });
