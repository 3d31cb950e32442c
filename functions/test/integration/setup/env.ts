// Runs in each test worker: the global setup has already put the stage's environment into
// process.env; fail loudly if it did not, rather than talking to a real AWS account.
if (!process.env.DYNAMODB_ENDPOINT?.startsWith('http://127.0.0.1')) {
  throw new Error('integration tests must run against the DynamoDB Local the global setup starts');
}
