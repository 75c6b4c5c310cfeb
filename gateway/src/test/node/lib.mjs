// Shared by the conformance scripts. Each script takes one JSON argument (its settings, from ProtocolConformanceTest)
// and prints one JSON line per step on stdout; the test reads the steps, acts on some (it appends the live change once
// the subscription reported its replayed one) and asserts on them. A failure prints {"step":"failed"} and exits 1.

export const settings = JSON.parse(process.argv[2] ?? '{}');

/** Prints one step for the test. */
export function report(step, fields = {}) {
  process.stdout.write(JSON.stringify({ step, ...fields }) + '\n');
}

/** The promise's value, or an error naming what did not arrive within the time. */
export function within(millis, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${millis} ms`)), millis);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Every result of an operation's iterator, until it completes. */
export async function collect(iterator) {
  const results = [];
  for await (const result of iterator) {
    results.push(result);
  }
  return results;
}

/** Runs the script's steps, then exits: 0 when they all ran, 1 after printing the failure. */
export async function run(steps) {
  try {
    await steps();
    process.exit(0);
  } catch (error) {
    report('failed', { message: error?.stack ?? describe(error) });
    process.exit(1);
  }
}

/** Something thrown that may not be an Error (graphql-ws throws the CloseEvent). */
export function describe(thrown) {
  if (thrown && typeof thrown === 'object' && 'code' in thrown) {
    return `code ${thrown.code}: ${thrown.reason ?? thrown.message ?? ''}`;
  }
  return String(thrown);
}
