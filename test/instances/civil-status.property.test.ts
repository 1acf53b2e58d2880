// The suite of test/civil-status.property.test.ts again, with each command run by one of three instances on one database (and its HTTP requests, if any, sent to one of three service processes).
// The harness reads this when the suite's beforeAll starts it (after the import below has loaded the suite).
process.env.TEST_INSTANCES = '3';
import '../civil-status.property.test';
