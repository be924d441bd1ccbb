import { z } from 'zod';

export const PAGE_SIZES = [25, 50, 100] as const;

/** `page` (from 1) and `pageSize` (25, 50 or 100) of a list request. */
export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), 'must be 25, 50 or 100')
    .default(25),
});

export const pageReply = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
