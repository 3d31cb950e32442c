/**
 * `react-dom` for the mini-program build with Preact. Taro's app entry does
 * `import ReactDOM from 'react-dom'` and, because preact/compat reports React's version (18.x),
 * calls `ReactDOM.createRoot(...)`; preact/compat keeps createRoot in `preact/compat/client`, so
 * the plain alias fails at launch with "createRoot is not a function" (NervJS/taro#16690, #17641,
 * open in Taro 4.2.1). This module is preact/compat plus createRoot.
 */
import ReactDOM from 'preact/compat';
import { createRoot, hydrateRoot } from 'preact/compat/client';

export * from 'preact/compat';
export { createRoot, hydrateRoot };
export default { ...ReactDOM, createRoot, hydrateRoot };
