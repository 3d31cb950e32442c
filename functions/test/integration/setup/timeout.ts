// Several requests per test against DynamoDB Local, with other test files running beside.
jest.setTimeout(60_000);
