// The graphql-http server audit (GraphQL over HTTP spec: MUST, SHOULD and MAY checks) against the gateway's
// POST /graphql. Every request carries the credential: the gateway answers 401 to anything without one.
// Prints one "audit" step per audit and a "summary" with the counts per status (ok, notice, warn, error).
import { serverAudits } from 'graphql-http';
import { report, run, settings } from './lib.mjs';

const { url, key } = settings;

/** fetch with the Authorization header added to each request. */
function fetchWithCredential(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${key}`);
  return fetch(input, { ...init, headers });
}

run(async () => {
  const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
  for (const audit of serverAudits({ url, fetchFn: fetchWithCredential })) {
    const result = await audit.fn();
    counts[result.status]++;
    const status = result.response ? result.response.status : undefined;
    report('audit', { id: audit.id, name: audit.name, status: result.status, reason: result.reason, httpStatus: status });
  }
  report('summary', { counts });
});
