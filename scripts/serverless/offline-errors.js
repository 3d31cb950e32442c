'use strict';
// A local Serverless plugin, active only under `serverless offline`: a function that cannot load
// its handler, throws, or runs past its timeout answers like API Gateway's HTTP API does (5xx),
// in the app's one error shape, instead of serverless-offline's HTTP 200 `{"errorMessage": …}`
// (which would hide a broken function as a success). Deployed stages are untouched: this only
// changes how serverless-offline turns a failed invocation of an HTTP API event into a response.
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');

/** The HTTP answer for a failed invocation: 504 for a timeout, 500 for the rest. */
function failureAnswer(err) {
  const timedOut = err && err.constructor && err.constructor.name === 'LambdaTimeoutError';
  const message = timedOut ? '服务处理超时，请稍后再试' : '服务暂时出现问题，请稍后再试';
  return {
    statusCode: timedOut ? 504 : 500,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ error: { code: 'INTERNAL', message } }),
  };
}

/** True for the event API Gateway's HTTP API sends (payload 2.0), the only kind answered over HTTP. */
const isHttpApiEvent = (event) => Boolean(event && event.version === '2.0' && event.routeKey && event.requestContext);

async function patchOffline(log) {
  const file = join(dirname(require.resolve('serverless-offline')), 'lambda', 'LambdaFunction.js');
  const { default: LambdaFunction } = await import(pathToFileURL(file).href);
  const proto = LambdaFunction.prototype;
  if (proto.__citycarePatched) return;
  const events = new WeakMap();
  const setEvent = proto.setEvent;
  const runHandler = proto.runHandler;
  proto.setEvent = function (event) {
    events.set(this, event);
    return setEvent.call(this, event);
  };
  proto.runHandler = async function () {
    try {
      return await runHandler.call(this);
    } catch (err) {
      if (!isHttpApiEvent(events.get(this))) throw err;
      log(`function failed: ${err && err.message ? err.message : String(err)}`);
      return failureAnswer(err);
    }
  };
  proto.__citycarePatched = true;
}

class OfflineErrors {
  constructor(serverless, _options, { log } = {}) {
    const write = (line) => (log && log.error ? log.error(line) : console.error(line));
    const patch = () => patchOffline(write);
    this.hooks = { 'before:offline:start': patch, 'before:offline:start:init': patch };
  }
}

module.exports = OfflineErrors;
module.exports.failureAnswer = failureAnswer;
