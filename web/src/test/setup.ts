import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

/*
 * findBy/waitFor wait up to 5 s (default 1 s): a full-page render behind mocked requests can take
 * longer than 1 s while the whole suite shares two cores. A missing element still fails the test.
 */
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

/** jsdom reports "Not implemented" for the pseudo-element argument that Mantine passes. */
const jsdomGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => jsdomGetComputedStyle(element);

/** jsdom has no layout, so Combobox option scrolling has nothing to do. */
window.HTMLElement.prototype.scrollIntoView = () => {};

/** jsdom has no matchMedia; no media query matches, so Mantine renders its base (mobile-first) layout. */
type MediaQueryListStub = Pick<
  MediaQueryList,
  'matches' | 'media' | 'onchange' | 'addEventListener' | 'removeEventListener' | 'dispatchEvent'
>;

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryListStub => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

/** jsdom has no ResizeObserver; nothing is ever resized in tests. */
class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;
