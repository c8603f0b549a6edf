// Placeholder replaced by the integration-test database setup (embedded Postgres when TEST_DATABASE_URL is unset).
export default async function setup() {}
