// graphql-transport-ws with the graphql-ws client over the ws package: a query, a subscription that receives its
// replayed change and then (after the test appends it) a live one, and a client without a credential (closed 4401).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { collect, describe, report, run, settings, within } from './lib.mjs';

const { url, key, query, subscription, variables } = settings;

function client(connectionParams) {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
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
    await changes.return(); // sends complete
  } finally {
    await authenticated.dispose();
  }

  const anonymous = client(undefined);
  try {
    const results = await within(10_000, 'answer to a client without a credential', collect(anonymous.iterate({ query })));
    report('anonymous', { results });
  } catch (thrown) {
    // graphql-ws hands the socket's CloseEvent to the sink
    report('anonymous', { code: thrown?.code, reason: thrown?.reason, thrown: describe(thrown) });
  } finally {
    await anonymous.dispose();
  }
});
