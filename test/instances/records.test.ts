// The suite of test/records.test.ts again, with every request sent to one of three service processes on one database.
// The harness reads this when the suite's beforeAll starts it (after the import below has loaded the suite).
process.env.TEST_INSTANCES = '3';
import '../records.test';
