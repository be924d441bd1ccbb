import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfRejectedError extends AppError {
  constructor() {
    super(
      403,
      'csrf_rejected',
      'This request did not come from EduLedger; reload the page and try again',
    );
  }
}

/**
 * CSRF protection by origin check: a state-changing request that carries cookies must come from
 * a trusted origin (`Origin` header, or `Sec-Fetch-Site: same-origin` when a browser omits
 * Origin). Cross-site forms and fetches are refused; requests without cookies are not at risk.
 */
export const csrfOriginCheck = fp<{ trustedOrigins: readonly string[] }>(
  async (app: FastifyInstance, { trustedOrigins }) => {
    const trusted = new Set(trustedOrigins);
    app.addHook('onRequest', async (request) => {
      if (SAFE_METHODS.has(request.method) || !request.headers.cookie) return;
      const origin = request.headers.origin;
      if (origin !== undefined) {
        if (trusted.has(origin)) return;
        throw new CsrfRejectedError();
      }
      if (request.headers['sec-fetch-site'] === 'same-origin') return;
      throw new CsrfRejectedError();
    });
  },
  { name: 'csrf-origin-check' },
);
