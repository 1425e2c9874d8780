import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { JobRunSummarySchema, TestClockResponseSchema, TestClockSchema, type JobRunSummary } from '@keyward/contract';
import { ManualClock, type Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';

const tags = ['Test clock'];

const setRoute = createRoute({
  method: 'put',
  path: '/__test__/clock',
  tags,
  hide: true,
  summary: 'Set the time every part of the server sees',
  request: { body: jsonBody(TestClockSchema) },
  responses: { 200: jsonResponse(TestClockResponseSchema, 'The time now'), ...problemResponses(400) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/__test__/clock',
  tags,
  hide: true,
  summary: 'The time the server sees',
  responses: { 200: jsonResponse(TestClockResponseSchema, 'The time now') },
});

const runRoute = createRoute({
  method: 'post',
  path: '/__test__/jobs/run',
  tags,
  hide: true,
  summary: 'Run the job loop once, including mail delivery',
  responses: { 200: jsonResponse(JobRunSummarySchema, 'What the pass did') },
});

const stateOf = (clock: ManualClock) => ({ now: new Date(clock.now()).toISOString(), epochMs: clock.now() });

/**
 * PRODUCT.md §8: only with KEYWARD_CLOCK=manual (refused in production by readConfig). Otherwise
 * these routes do not exist (404). They sit outside /rest: no authentication, test servers only.
 */
export function registerTestClockRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: {
    clock: Clock;
    config: Pick<Config, 'clock'>;
    /** One pass of the job loop (the composition root hands in its runner's). */
    jobs: { runOnce(): Promise<JobRunSummary> };
  },
): void {
  const clock = deps.clock;
  if (deps.config.clock !== 'manual' || !(clock instanceof ManualClock)) return;

  app.openapi(setRoute, (c) => {
    clock.set(Date.parse(c.req.valid('json').now));
    return c.json(stateOf(clock), 200);
  });

  app.openapi(getRoute, (c) => c.json(stateOf(clock), 200));

  app.openapi(runRoute, async (c) => c.json(await deps.jobs.runOnce(), 200));
}
