// Brings in the harness's `inject('aftercareDatabaseUrl')` typing for tests that boot servers.
import '@aftercare/testing/global-setup';
