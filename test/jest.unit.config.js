/**
 * The unit tests alone (`npm run test:unit`): rules as plain functions, no database, so no
 * globalSetup starting an engine; the same transform as jest.config.js.
 */
const path = require('node:path');
const base = require('../jest.config.js');

module.exports = {
  rootDir: path.join(__dirname, '..'),
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  roots: ['<rootDir>/test/unit'],
  testMatch: base.testMatch,
  testTimeout: base.testTimeout,
  maxWorkers: base.maxWorkers,
};
