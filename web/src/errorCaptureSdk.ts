/** The parts of the browser SDK the app uses: a chunk of its own, loaded only when capture is on. */
export { captureException, init, withScope } from '@sentry/browser';
