import fc from 'fast-check';
import { API_KEY_SORT_FIELDS } from '@keyward/contract';
import { TEMPLATE_IDS } from '@keyward/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, VALID_BODIES, createKey } from '../../../test/api-keys.ts';

// Issue 12: fuzz-style properties of the list query and the create body. Whatever is sent, the
// answer is never a 5xx, and a refused create writes nothing (no key, no activity).

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await createKey(ctx, 'anonymous-search', { displayName: 'Alpha "quoted" 100% *star*', description: 'Ω≈ç√ NEAR/2' });
  await createKey(ctx, 'custom', { displayName: 'beta AND gamma OR NOT delta' });
});
afterAll(async () => {
  await ctx.close();
});

const count = async (table: 'api_keys' | 'activities') =>
  Number(
    (
      await ctx.db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Pieces of text that tend to break SQL, FTS5 query syntax, URLs and Unicode handling. */
const nastyPiece = fc.constantFrom(
  '"',
  '""',
  "'",
  '%',
  '_',
  '*',
  '\\',
  'a"b',
  'NEAR(a b)',
  'a AND b',
  'OR',
  '^a',
  'id : x',
  '{a b}',
  '(',
  ')',
  '-',
  ':',
  '\u0000',
  'abc\u0000',
  '\uD800',
  '\uFFFF',
  'Ω≈ç√',
  'x'.repeat(201),
  ' ',
  '',
);

/** Control and invisible characters, inside some text (SQLite's FTS5 ends a string at a NUL). */
const withControl = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u2028', '\uFEFF', '\r\n', '\t'),
    fc.string({ maxLength: 6 }),
  )
  .map((t) => t.join(''));

const nastyText = fc.oneof(
  { arbitrary: withControl, weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: nastyPiece, weight: 3 },
  {
    arbitrary: fc.tuple(fc.string({ maxLength: 6 }), nastyPiece, fc.string({ maxLength: 6 })).map((t) => t.join('')),
    weight: 3,
  },
);

const queryValue = fc.oneof(
  nastyText,
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
  fc.constantFrom(...API_KEY_SORT_FIELDS, 'asc', 'DESC', 'ACTIVE', 'ALL_EXPOSED', 'DEACTIVATED', '1e3', '0x10', 'NaN'),
);

const listQuery = fc
  .tuple(
    fc.option(nastyText, { nil: undefined }),
    fc.dictionary(fc.constantFrom('status', 'sortBy', 'order', 'page', 'perPage', 'other', 'filter[]'), queryValue, {
      maxKeys: 5,
    }),
  )
  .map(([filter, rest]) => (filter === undefined ? rest : { filter, ...rest }));

describe('list query (fuzzed)', () => {
  it('never answers a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(listQuery, async (query) => {
        const res = await ctx.call('GET', `${B}?${new URLSearchParams(query).toString()}`, { token: ctx.adminToken });
        await res.arrayBuffer();
        expect(res.status, JSON.stringify(query)).toBeLessThan(500);
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 200 },
    );
  });
});

const jsonish = fc.oneof(
  { maxDepth: 3 },
  fc.jsonValue({ maxDepth: 3 }),
  nastyText,
  fc.array(nastyText, { maxLength: 4 }),
);

/** A valid body of a template with some fields replaced, added or removed. */
const createBody = fc
  .record({
    template: fc.constantFrom(...TEMPLATE_IDS, 'custom', 'no-such-template', ''),
    changes: fc.dictionary(
      fc.constantFrom(
        'displayName',
        'description',
        'privileges',
        'allowedIps',
        'deniedIps',
        'lifetimeDuration',
        'additionalConfiguration',
        'sourceIds',
        'privacyLevel',
        'groupsThatCanEdit',
        'expirationDate',
        '__proto__',
        'value',
      ),
      jsonish,
      { maxKeys: 4 },
    ),
    drop: fc.subarray(['displayName', 'privileges', 'lifetimeDuration', 'additionalConfiguration']),
  })
  .map(({ template, changes, drop }) => {
    const body: Record<string, unknown> = { ...(VALID_BODIES[template] ?? VALID_BODIES.custom), ...changes };
    for (const field of drop) delete body[field];
    return { template, body: JSON.stringify(body) };
  });

const rawBody = fc.oneof(
  fc.string({ maxLength: 60 }).map((body) => ({ template: 'custom', body })),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"displayName":', '{"displayName":"a\\u0000"}', '\u0000').map((body) => ({
    template: 'anonymous-search',
    body,
  })),
);

describe('create body (fuzzed)', () => {
  it('never answers a 5xx, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(createBody, rawBody), async ({ template, body }) => {
        const keys = await count('api_keys');
        const activities = await count('activities');
        const query = template === 'custom' ? '' : `?apiKeyTemplateId=${encodeURIComponent(template)}`;
        const res = await ctx.call('POST', `${B}${query}`, { token: ctx.adminToken, body });
        const text = await res.text();
        expect(res.status, `${body} → ${text}`).toBeLessThan(500);
        if (res.status === 201) {
          expect(await count('api_keys')).toBe(keys + 1);
          expect(JSON.parse(text)).toHaveProperty('value');
        } else {
          expect([400, 409, 413, 422]).toContain(res.status);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(await count('api_keys')).toBe(keys);
          expect(await count('activities')).toBe(activities);
        }
      }),
      { numRuns: 200 },
    );
  });
});
