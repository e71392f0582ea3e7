/** Runs once before all tests: says how to include PostgreSQL when it is not configured. */
export default function setup() {
  if (!process.env.TEST_DATABASE_URL) {
    console.log(
      'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run every database test on PostgreSQL too.',
    );
  }
}
