// Runtime of the lazy-contract esbuild plugin (scripts/esbuild/lazy-contract.js): a stand-in for
// a value that is built on first use. Bundled into the Lambda functions only.

/**
 * A proxy for the value `make()` returns, calling `make` the first time anything about the value
 * is asked (a property, `in`, its prototype, its keys). Contract schemas are objects, so the
 * proxy behaves as the schema itself: `schema.safeParse(x)`, `schema.shape`, `instanceof`,
 * nesting in other schemas.
 */
function lazyValue(make) {
  let value;
  let made = false;
  const real = () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(real(), key),
      set: (_, key, v) => Reflect.set(real(), key, v),
      has: (_, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(real(), key);
        // The proxy's own target is an empty, extensible object: it may only report configurable properties.
        return d && { ...d, configurable: true };
      },
      defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
      deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
      getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    },
  );
}

module.exports = { lazyValue };
