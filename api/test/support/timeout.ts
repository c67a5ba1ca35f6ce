// `testTimeout` in a Jest project entry is ignored (it is a global option), so the e2e project sets it here: real
// databases, migrations per test file and scrypt-hashed logins make setup hooks longer than Jest's 5 s default.
jest.setTimeout(60_000);
