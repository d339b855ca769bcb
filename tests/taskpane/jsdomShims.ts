import { configure } from "@testing-library/react";

/**
 * What Fluent UI needs from a browser that jsdom does not have: ResizeObserver (MessageBar
 * reflow, overflow), matchMedia (theme), and performance.mark (the pane's ready mark); and
 * scrolling, which jsdom does not lay out (a step opens at its top).
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

// jsdom has window.scrollTo but only to say it is not implemented.
w.scrollTo = () => undefined;

// Seven workers share two cores: give findBy/waitFor room before they call a slow render a failure.
configure({ asyncUtilTimeout: 10_000 });
