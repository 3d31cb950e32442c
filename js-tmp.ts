import { compileWxml, compileWxss } from './e2e/weapp/compile';
console.time('wxml'); console.log(compileWxml('/tmp/weapp-wt-dist/weapp')); console.timeEnd('wxml');
console.time('wxss'); console.log(compileWxss('/tmp/weapp-wt-dist/weapp')); console.timeEnd('wxss');
console.log(compileWxml('/tmp/wxbad'), compileWxss('/tmp/wxbad'));
