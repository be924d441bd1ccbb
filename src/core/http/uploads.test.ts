import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { assertUploadKind, clientMultipartError, UnsupportedUploadError } from './uploads.js';

const zip = Buffer.from('PK\u0003\u0004\u0014\u0000rest', 'latin1');
const exe = Buffer.from('MZ\u0090\u0000\u0003\u0000', 'latin1');

describe('upload kinds', () => {
  it('accepts a zip or xlsx that starts with a zip signature', () => {
    expect(assertUploadKind('export.ZIP', zip, ['zip'])).toBe('zip');
    expect(assertUploadKind('results.xlsx', zip, ['xlsx'])).toBe('xlsx');
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(() => assertUploadKind('export.zip', exe, ['zip'])).toThrow(UnsupportedUploadError);
    expect(() => assertUploadKind('results.xlsx', Buffer.from('a,b\n1,2\n'), ['xlsx'])).toThrow(
      /not a xlsx/,
    );
  });

  it('refuses an extension that is not allowed, whatever the content', () => {
    expect(() => assertUploadKind('export.exe', zip, ['zip'])).toThrow(/Upload a .zip file/);
    expect(() => assertUploadKind('data.csv', Buffer.from('a,b'), ['zip', 'xlsx'])).toThrow(
      UnsupportedUploadError,
    );
  });

  it('takes a CSV only when it is UTF-8 text without NUL bytes', () => {
    expect(assertUploadKind('people.csv', Buffer.from('name,city\nZoë,Kraków\n'), ['csv'])).toBe(
      'csv',
    );
    // The head may end in the middle of a multi-byte character.
    expect(assertUploadKind('cut.csv', Buffer.from('Zoë').subarray(0, 3), ['csv'])).toBe('csv');
    expect(() => assertUploadKind('people.csv', Buffer.from('a\u0000b'), ['csv'])).toThrow(
      /text CSV/,
    );
    expect(() =>
      assertUploadKind('people.csv', Buffer.from([0x61, 0xff, 0xfe, 0x62]), ['csv']),
    ).toThrow(UnsupportedUploadError);
  });

  it('answers 415 with its own code', () => {
    const error = new UnsupportedUploadError('x');
    expect(error.statusCode).toBe(415);
    expect(error.code).toBe('unsupported_file_type');
  });
});

describe('multipart parse errors', () => {
  it('turns a parser failure without a status into a 400', () => {
    expect(clientMultipartError(new Error('Multipart: Boundary not found'))).toBeInstanceOf(
      ValidationError,
    );
    const crash = Object.assign(new Error('boom'), { statusCode: 500 });
    expect(clientMultipartError(crash)).toBeInstanceOf(ValidationError);
  });

  it('keeps a client error that already has its status (413 for a part over the cap)', () => {
    const tooLarge = Object.assign(new Error('too large'), { statusCode: 413 });
    expect(clientMultipartError(tooLarge)).toBe(tooLarge);
  });
});
