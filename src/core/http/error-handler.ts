import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[]; requestId: string };
}

const body = (
  request: FastifyRequest,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
): ErrorBody => ({ error: { code, message, details, requestId: request.id } });

/** Fastify's own client errors, by status, in our vocabulary. */
const clientErrorCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function validationDetails(error: FastifyError): ErrorDetail[] {
  return (error.validation ?? []).map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: issue.message ?? 'is not valid',
  }));
}

/** Every error leaves the server in one shape (ARCHITECTURE.md rule 7), never with a stack trace. */
export function installErrorHandling(
  app: FastifyInstance,
  options: { exposeInternalErrors: boolean },
) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.statusCode)
        .send(body(request, error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      return reply
        .status(400)
        .send(
          body(request, 'validation_failed', `The ${where} is not valid`, validationDetails(error)),
        );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send(body(request, clientErrorCodes[status] ?? 'bad_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    const message = options.exposeInternalErrors ? error.message : 'An unexpected error occurred';
    return reply.status(500).send(body(request, 'internal_error', message));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        body(request, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`),
      ),
  );
}
