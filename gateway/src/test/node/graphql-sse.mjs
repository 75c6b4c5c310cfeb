// GraphQL over SSE with the graphql-sse client in distinct connections mode (one POST with Accept: text/event-stream
// per operation): a query, a subscription that receives its replayed change and then (after the test appends it) a
// live one, and a client without a credential (refused with 401).
import { createClient, NetworkError } from 'graphql-sse';
import { collect, describe, report, run, settings, within } from './lib.mjs';

const { url, key, query, subscription, variables } = settings;

function client(headers) {
  return createClient({ url, singleConnection: false, retryAttempts: 0, headers });
}

run(async () => {
  const authenticated = client({ Authorization: `Bearer ${key}` });
  try {
    report('query', { results: await within(10_000, 'query result', collect(authenticated.iterate({ query }))) });

    const changes = authenticated.iterate({ query: subscription, variables });
    const replayed = await within(10_000, 'replayed change', changes.next());
    report('replayed', { result: replayed.value, done: replayed.done });
    const live = await within(10_000, 'live change', changes.next());
    report('live', { result: live.value, done: live.done });
    await changes.return(); // aborts the request
  } finally {
    authenticated.dispose();
  }

  const anonymous = client({});
  try {
    const results = await within(10_000, 'answer to a client without a credential', collect(anonymous.iterate({ query })));
    report('anonymous', { results });
  } catch (thrown) {
    if (!(thrown instanceof NetworkError) || !thrown.response) {
      throw thrown;
    }
    report('anonymous', { status: thrown.response.status, body: await thrown.response.text(), thrown: describe(thrown) });
  } finally {
    anonymous.dispose();
  }
});
