// The suite of test/certificates.test.ts again, with every request sent to one of three service processes on one database.
// The harness reads this when the suite's beforeAll starts it (after the import below has loaded the suite).
process.env.TEST_INSTANCES = '3';
// It asserts that a revocation or a key's withdrawal shows at once; another instance shows it within
// CERTIFICATE_STATUS_CACHE_SECONDS (test/instances.test.ts proves that bound), so here nothing is kept.
process.env.CERTIFICATE_STATUS_CACHE_SECONDS = '0';
import '../certificates.test';
